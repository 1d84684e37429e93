package io.ganglion.drivers.events;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Listens on a TCP port for a client (e.g. a bridge from Metavision) that sends EVT 2.0 words:
 * 32-bit little-endian, optionally preceded by a RAW {@code %} header (so {@code cat file.raw |
 * nc host port} works; a {@code geometry} line then gives the sensor size if the config has none).
 *
 * <p>One client at a time: while one is connected, further clients wait in the listen backlog.
 * When the client disconnects (or its stream fails) the source goes back to accepting; each new
 * connection starts a new stream (time base and time order reset, CD words before its first
 * TIME_HIGH skipped). A partial word at disconnect or a bad header counts as malformed (a bad
 * header also drops the connection). {@link #close} closes the listening and client sockets and
 * stops the receive thread.
 */
public final class TcpEvt2EventSource extends AbstractNetworkEventSource {

  private final ServerSocket server;
  private volatile Socket client;
  private volatile long accepted;

  private TcpEvt2EventSource(Evt2StreamConfig config, ServerSocket server) {
    super(config);
    this.server = server;
    start("evt2-tcp-" + server.getLocalPort());
  }

  /** Binds {@code config.bindAddress():config.port()} and starts accepting. */
  public static TcpEvt2EventSource listen(Evt2StreamConfig config) {
    ServerSocket server = null;
    try {
      server = new ServerSocket();
      server.setReuseAddress(true);
      server.bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.port()), 1);
      return new TcpEvt2EventSource(config, server);
    } catch (IOException e) {
      if (server != null) {
        try {
          server.close();
        } catch (IOException ignored) {
          // reporting the bind failure matters more
        }
      }
      throw new InvalidInputException("cannot listen for EVT 2.0 over TCP on " + config.bindAddress() + ":"
          + config.port() + " (" + e.getMessage() + "); pick a free port or another address");
    }
  }

  /** The port actually bound (useful with port 0). */
  public int localPort() {
    return server.getLocalPort();
  }

  @Override
  void receiveLoop() {
    while (!closed) {
      try (Socket s = server.accept()) {
        client = s;
        accepted++;
        decoder.startStream();
        readStream(s);
      } catch (IOException | GanglionException e) {
        if (!closed) {
          ioErrors++;
          backOff();
        }
      } finally {
        client = null;
        decoder.publish();
      }
    }
  }

  private void readStream(Socket s) throws IOException {
    String name = "tcp client " + s.getRemoteSocketAddress();
    ByteChunkInput in = new ByteChunkInput(s.getInputStream(), 1 << 16, name);
    try {
      SensorSize size = Evt2Header.read(in, name).size();
      if (size.isKnown()) {
        announcedSize = size;
      }
    } catch (InvalidInputException badHeader) {
      decoder.countMalformed();
      return;
    }
    while (!closed) {
      int whole = in.available() & ~3;
      if (whole > 0) {
        decoder.decode(in.buf, in.pos, whole);
        in.pos += whole;
        decoder.publish();
      }
      if (!in.fillMore()) {
        if (in.available() > 0) {
          decoder.countMalformed();
        }
        return;
      }
    }
  }

  @Override
  boolean isConnected() {
    return client != null;
  }

  @Override
  long streamStarts() {
    return accepted;
  }

  @Override
  void closeSockets() {
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    Socket c = client;
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }
}
