package io.ganglion.firmware.cli.motion;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.EventSourceIO;
import io.ganglion.drivers.events.Evt2StreamConfig;
import io.ganglion.drivers.events.FileReplayEventSource;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.drivers.events.SizedEventFile;
import io.ganglion.drivers.events.TcpEvt2EventSource;
import io.ganglion.drivers.events.UdpEvt2EventSource;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;

/** The event source of {@code motion live}, opened: what it is called and how the loop waits on it. */
final class LiveSource implements AutoCloseable {

  /** Longest sleep between polls when the source has nothing: the detector's outputs lag by at most this. */
  static final long IDLE_NANOS = 1_000_000;
  /** Events a network source may buffer between its receive thread and the loop. */
  private static final int RING_EVENTS = 1 << 20;
  /** A network sender is gone (UDP) after this long without a datagram. */
  private static final long STALE_NANOS = 1_000_000_000L;

  final EventSourceIO io;
  /** Short: "replay FILE", "tcp ADDR:PORT", "udp ADDR:PORT". */
  final String name;
  /** The status line printed at the start. */
  final String description;
  /** The sensor size known before any event (options or the file), else UNKNOWN. */
  final SensorSize size;
  /** A replay paced by its timestamps: its clock moves the detector's on quiet stretches too. */
  final boolean paced;
  /** A paced replay's --speed (sensor seconds per wall second it aims at); 0 otherwise. */
  final double speed;
  /** A network source: its streams begin and end with their senders. */
  final boolean network;

  private LiveSource(EventSourceIO io, String name, String description, SensorSize size, boolean paced, double speed,
      boolean network) {
    this.io = io;
    this.name = name;
    this.description = description;
    this.size = size;
    this.paced = paced;
    this.speed = speed;
    this.network = network;
  }

  /**
   * A file replayed at {@code pace} times real time (+infinity: as fast as possible), its size from
   * {@code size}, else the file's declaration, else a first pass over its events.
   */
  static LiveSource replay(Path file, String format, SensorSize size, long toleranceUs, double pace) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException("--replay " + file + ": no such file");
    }
    EventReaderConfig config = EventReaderConfig.defaults().withFormat(EventFormat.parse(format))
        .withBackwardsToleranceUs(toleranceUs);
    if (size.isKnown()) {
      config = config.withSensorSize(size.width(), size.height());
    }
    SizedEventFile sized = SizedEventFile.of(file, config);
    boolean fast = Double.isInfinite(pace);
    FileReplayEventSource io = fast
        ? FileReplayEventSource.asFastAsPossible(EventFiles.open(file, sized.config()))
        : FileReplayEventSource.paced(EventFiles.open(file, sized.config()), pace, System::nanoTime);
    String how = fast ? "as fast as possible" : "at " + factor(pace) + "x real time";
    return new LiveSource(io, "replay " + file, "replaying " + file + " " + how, sized.size(), !fast, fast ? 0 : pace,
        false);
  }

  /** Listens on TCP {@code bind:port} for a client sending EVT 2.0 words. */
  static LiveSource tcp(String bind, int port, SensorSize size, long toleranceUs) {
    TcpEvt2EventSource io = TcpEvt2EventSource.listen(config(bind, port, size, toleranceUs));
    String host = "0.0.0.0".equals(bind) ? "HOST" : bind;
    return new LiveSource(io, "tcp " + bind + ":" + io.localPort(), "listening for EVT 2.0 over TCP on " + bind + ":"
        + io.localPort() + " (e.g. nc -N " + host + " " + io.localPort() + " < rec.raw)", size, false, 0, true);
  }

  /** Receives EVT 2.0 datagrams on UDP {@code bind:port}. */
  static LiveSource udp(String bind, int port, SensorSize size, long toleranceUs) {
    UdpEvt2EventSource io = UdpEvt2EventSource.listen(config(bind, port, size, toleranceUs));
    return new LiveSource(io, "udp " + bind + ":" + io.localPort(), "receiving EVT 2.0 datagrams on UDP " + bind + ":"
        + io.localPort(), size, false, 0, true);
  }

  private static Evt2StreamConfig config(String bind, int port, SensorSize size, long toleranceUs) {
    return new Evt2StreamConfig(bind, port, size, RING_EVENTS, toleranceUs, STALE_NANOS);
  }

  /** How long the loop may sleep when a poll brought less than a full buffer. */
  long idleNanos() {
    if (io instanceof FileReplayEventSource) {
      long next = ((FileReplayEventSource) io).nanosUntilNextEvent();
      return next < 0 ? 0 : Math.min(next, IDLE_NANOS);
    }
    return IDLE_NANOS;
  }

  /** A speed factor as given: 2, 0.25, 1000000. */
  static String factor(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  @Override
  public void close() {
    io.close();
  }
}
