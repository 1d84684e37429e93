package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;

/**
 * Receives EVT 2.0 words in UDP datagrams: each datagram holds whole 32-bit little-endian words
 * (no header). A datagram whose length is not a multiple of 4 is dropped and counted as malformed.
 * The time base carries over between datagrams; senders should start every datagram with a
 * TIME_HIGH word so that a lost datagram cannot leave a wrong time base behind. Datagrams that
 * arrive late (events too far back in time) are dropped as out of order; a TIME_HIGH more than 1 s
 * back marks a sender restart. "Connected" means a datagram came within {@code staleAfterNanos},
 * as the receive thread decides it (a receive timeout); a datagram after a longer silence starts a
 * new stream (its own time order, counted in {@code connections}, marked in {@link
 * EventSourceInputs#newStream}).
 */
public final class UdpEvt2EventSource extends AbstractNetworkEventSource {

  /** The largest UDP payload. */
  static final int MAX_DATAGRAM = 65_507;

  private final DatagramSocket socket;
  private volatile long datagrams;
  /** Set by the receive thread when no datagram came for staleAfterNanos, cleared by the next one. */
  private volatile boolean silent;
  /** Datagrams that came after a silence of staleAfterNanos or more (each starts a new stream). */
  private volatile long returns;

  private UdpEvt2EventSource(Evt2StreamConfig config, DatagramSocket socket) {
    super(config);
    this.socket = socket;
    start("evt2-udp-" + socket.getLocalPort());
  }

  /** Binds {@code config.bindAddress():config.port()} and starts receiving. */
  public static UdpEvt2EventSource listen(Evt2StreamConfig config) {
    try {
      DatagramSocket socket = new DatagramSocket(
          new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()));
      socket.setReceiveBufferSize(1 << 21);
      // the receive thread alone decides a silence: no datagram for staleAfterNanos (a receive timeout)
      socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, config.staleAfterNanos() / 1_000_000)));
      return new UdpEvt2EventSource(config, socket);
    } catch (IOException e) {
      throw new InvalidInputException("cannot listen for EVT 2.0 over UDP on " + config.bindAddress() + ":"
          + config.port() + " (" + e.getMessage() + "); pick a free port or another address");
    }
  }

  /** The port actually bound (useful with port 0). */
  public int localPort() {
    return socket.getLocalPort();
  }

  /** Datagrams received so far (well-formed or not). */
  public long datagramsReceived() {
    return datagrams;
  }

  @Override
  void receiveLoop() {
    byte[] buf = new byte[MAX_DATAGRAM + 1];
    DatagramPacket packet = new DatagramPacket(buf, buf.length);
    decoder.startStream();
    while (!closed) {
      try {
        packet.setLength(buf.length);
        socket.receive(packet);
      } catch (SocketTimeoutException quiet) {
        if (datagrams > 0) {
          silent = true; // after every earlier datagram's events were published
        }
        continue;
      } catch (IOException e) {
        if (!closed) {
          ioErrors++;
          backOff();
        }
        continue;
      }
      if (silent) {
        // back after a silence (the loop may have seen the sender gone): a new stream, with its own time order
        decoder.resumeAfterSilence();
        returns++;
        silent = false; // before its events are published: the loop never sees them from a "gone" sender
      }
      datagrams++;
      int len = packet.getLength();
      if ((len & 3) != 0) {
        decoder.countMalformed();
      } else {
        decoder.decode(buf, packet.getOffset(), len);
      }
      decoder.publish();
    }
  }

  @Override
  boolean isConnected() {
    return datagrams > 0 && !silent;
  }

  @Override
  long streamStarts() {
    return returns + (datagrams > 0 ? 1 : 0);
  }

  @Override
  void closeSockets() {
    socket.close();
  }
}
