package io.ganglion.testkit.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Asks a TCP endpoint whether it is an MQTT 3.1.1 broker ready for clients: sends a raw CONNECT
 * (clean session, client id {@code ganglion-probe}) and expects CONNACK with return code 0, then
 * sends DISCONNECT. Plain sockets, no MQTT library.
 */
public final class MqttProbe {

  private MqttProbe() {}

  /** True when {@code host:port} answers a CONNECT with an accepting CONNACK within {@code timeoutMillis}. */
  public static boolean answersConnect(String host, int port, int timeoutMillis) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      OutputStream out = socket.getOutputStream();
      out.write(connectPacket("ganglion-probe"));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] connack = in.readNBytes(4);
      // CONNACK: type 0x20, remaining length 2, session-present flags, return code 0 = accepted.
      boolean accepted = connack.length == 4 && (connack[0] & 0xFF) == 0x20 && connack[1] == 2 && connack[3] == 0;
      if (accepted) {
        out.write(new byte[] {(byte) 0xE0, 0x00}); // DISCONNECT
        out.flush();
      }
      return accepted;
    } catch (IOException e) {
      return false;
    }
  }

  /** An MQTT 3.1.1 CONNECT packet: protocol "MQTT" level 4, clean session, keep-alive 60 s. */
  static byte[] connectPacket(String clientId) {
    byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
    int remaining = 10 + 2 + id.length;
    if (remaining > 127) {
      throw new IllegalArgumentException("client id too long for the probe: " + clientId);
    }
    byte[] packet = new byte[2 + remaining];
    int i = 0;
    packet[i++] = 0x10; // CONNECT
    packet[i++] = (byte) remaining;
    packet[i++] = 0;
    packet[i++] = 4;
    packet[i++] = 'M';
    packet[i++] = 'Q';
    packet[i++] = 'T';
    packet[i++] = 'T';
    packet[i++] = 4; // protocol level 3.1.1
    packet[i++] = 0x02; // clean session
    packet[i++] = 0;
    packet[i++] = 60; // keep-alive seconds
    packet[i++] = (byte) (id.length >> 8);
    packet[i++] = (byte) id.length;
    System.arraycopy(id, 0, packet, i, id.length);
    return packet;
  }
}
