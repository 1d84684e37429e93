package io.ganglion.firmware.cli.motion;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.ConfigHash;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.telemetry.protocol.FieldType;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryFormat;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code motion live --broker}: publishes like a board (docs/telemetry.md): status with law
 * {@code motion}, one sample per completed window on stream {@code motion}, and an event per
 * stream start. A window's sample is stamped with its start in sensor time (us):
 *
 * <pre>
 *   stream (i32), events (i64), spikes (i64), direction_deg (f64, NaN without spikes),
 *   speed_px_s (f64, NaN without spikes), spikes_D (i64) per model direction D (e.g. spikes_30, spikes_22_5)
 * </pre>
 */
final class MotionTelemetry implements LiveDetection.Listener, AutoCloseable {

  /** The stream's id in the binary format. */
  static final int STREAM_ID = 20;
  /** How long the start waits for the broker before the loop takes events. */
  private static final long CONNECT_WAIT_SECONDS = 5;
  /** Fields before the per-direction counts. */
  private static final int FIXED_FIELDS = 5;

  private final TelemetryPublisher publisher;
  private final BrokerOptions.Connection connection;
  private final MotionDirections directions;
  private final double[] sample;
  private long firstTUs;
  private boolean closed;

  private MotionTelemetry(TelemetryPublisher publisher, BrokerOptions.Connection connection, MotionDirections directions) {
    this.publisher = publisher;
    this.connection = connection;
    this.directions = directions;
    this.sample = new double[FIXED_FIELDS + directions.directionsDeg().length];
  }

  /** The stream's schema for a model with these directions. */
  static StreamSchema schema(MotionDirections directions) {
    double[] dirs = directions.directionsDeg();
    if (FIXED_FIELDS + dirs.length > StreamSchema.MAX_FIELDS) {
      throw new InvalidInputException("the model has " + dirs.length + " directions; telemetry carries at most "
          + (StreamSchema.MAX_FIELDS - FIXED_FIELDS) + " (publish without --broker, or use a model with fewer)");
    }
    StreamSchema.Builder b = StreamSchema.builder(STREAM_ID, "motion").i32("stream").i64("events").i64("spikes")
        .field("direction_deg", FieldType.F64, true)
        .field("speed_px_s", FieldType.F64, true);
    for (double d : dirs) {
      b.i64("spikes_" + MotionDirections.formatDeg(d).replace('.', '_').replace("-", "m"));
    }
    return b.build();
  }

  /** Connects and starts publishing as {@code board}; closes the connection if that fails. */
  static MotionTelemetry start(BrokerOptions.Connection connection, String board, TelemetryFormat format,
      MotionDirections directions, String description) {
    try {
      BoardIdentity id = new BoardIdentity(board, VersionProvider.version(), ConfigHash.of(description), "motion");
      TelemetryPublisher p = new TelemetryPublisher(connection.settings(), id, List.of(schema(directions)),
          PublisherConfig.defaults().withFormat(format));
      p.start();
      p.awaitConnected(CONNECT_WAIT_SECONDS, TimeUnit.SECONDS); // windows before the connection are dropped
      return new MotionTelemetry(p, connection, directions);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      connection.close();
      throw new InvalidInputException("interrupted while connecting to " + connection.url());
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  String url() {
    return connection.url();
  }

  boolean isConnected() {
    return publisher.isConnected();
  }

  String lastConnectionError() {
    return publisher.lastConnectionError();
  }

  @Override
  public void streamStarted(int stream, long first) {
    firstTUs = first;
    publisher.offerEvent(first, "motion_stream", "stream " + stream + " started", stream);
  }

  @Override
  public void window(int stream, long tStartUs, long events, long[] classSpikes) {
    long[] h = directions.histogram(classSpikes);
    long spikes = 0;
    for (long c : h) {
      spikes += c;
    }
    sample[0] = stream;
    sample[1] = events;
    sample[2] = spikes;
    sample[3] = directions.dominantDirectionDeg(classSpikes);
    sample[4] = directions.dominantSpeedPxPerS(classSpikes);
    for (int i = 0; i < h.length; i++) {
      sample[FIXED_FIELDS + i] = h[i];
    }
    publisher.offer(0, firstTUs + tStartUs, sample);
  }

  @Override
  public void quiet(int stream, long tStartUs, long spanUs) {
    // no sample: the stream's rate shows the silence
  }

  /** The publisher's counters (samples offered and sent, events, drops). */
  Map<String, Long> counters() {
    return publisher.counters();
  }

  /** Drains, publishes offline (shutdown), disconnects, stops an embedded broker; idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      publisher.close();
    } finally {
      connection.close();
    }
  }
}
