package io.ganglion.firmware.cli.sim;

import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.ConfigHash;
import io.ganglion.firmware.cli.support.PublishOptions;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.firmware.telemetry.BoardTelemetry;
import io.ganglion.firmware.world.SimulationHooks;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.publish.BoardIdentity;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * A simulation publishing like a board ({@code --broker}): status, the firmware's telemetry frames,
 * a world stream and failsafe events through the runtime's seams, signed commands into the loop,
 * and optional real-time pacing. The hooks add tasks only; the trajectory is unchanged.
 */
final class SimPublisher implements AutoCloseable {

  private final BoardTelemetry telemetry;
  private final BrokerOptions.Connection broker;
  private final double pace;
  private final String url;

  private SimPublisher(BoardTelemetry telemetry, BrokerOptions.Connection broker, double pace) {
    this.telemetry = telemetry;
    this.broker = broker;
    this.pace = pace;
    this.url = broker.url();
  }

  /**
   * Connects and starts publishing as {@code options.board()}.
   *
   * @param law the law's name for the status; {@code description} is hashed into its config_hash
   */
  static SimPublisher start(PublishOptions options, String lawName, String description, int joints, int channels,
      boolean imu, StreamSchema world, ControlLaw law, PrintWriter err) throws InterruptedException {
    BrokerOptions.Connection broker = options.open(BrokerOptions.clientId("ganglion-" + options.board()), err);
    try {
      BoardIdentity id = new BoardIdentity(options.board(), VersionProvider.version(), ConfigHash.of(description), lawName);
      BoardTelemetry t = BoardTelemetry.start(broker.settings(), id, joints, channels, imu, List.of(world), options.format(),
          options.key(), law, () -> System.nanoTime() / 1_000, 5_000);
      if (!t.publisher().isConnected()) {
        err.println("ganglion: not connected to " + broker.url() + " yet (" + t.publisher().lastConnectionError()
            + "); samples before the connection are dropped and counted");
      }
      err.println("ganglion: publishing as robots/" + options.board() + "/ on " + broker.url()
          + (t.commands() != null ? " (signed commands accepted)" : ""));
      err.flush();
      return new SimPublisher(t, broker, options.pace());
    } catch (RuntimeException | InterruptedException e) {
      broker.close();
      throw e;
    }
  }

  /** The hooks for a simulation: telemetry at the control period, events, commands, the world stream, pacing. */
  SimulationHooks.Factory hooks(Function<io.ganglion.telemetry.publish.TelemetryTap, PeriodicTask> worldStream) {
    return (law, controlPeriodNanos) -> {
      SimulationHooks h = new SimulationHooks(telemetry.tap(), controlPeriodNanos, telemetry.events());
      if (telemetry.commands() != null) {
        h.task("commands", controlPeriodNanos, telemetry.commands());
        h.onBuilt(f -> telemetry.commands().bind(f.requests(), f.law()));
      }
      h.task("world-telemetry", controlPeriodNanos, worldStream.apply(telemetry.publisher()));
      if (pace > 0) {
        h.task("pace", controlPeriodNanos, new Pace(pace));
      }
      return h;
    };
  }

  /** Publisher counters, for the summary. */
  Map<String, Long> counters() {
    return telemetry.publisher().counters();
  }

  String url() {
    return url;
  }

  /** Drains, publishes offline (shutdown), disconnects, stops an embedded broker. */
  @Override
  public void close() {
    try {
      telemetry.close();
    } finally {
      broker.close();
    }
  }

  /** Holds simulated time to {@code pace} x wall time (a simulation to watch live). */
  private static final class Pace implements PeriodicTask {
    private final double pace;
    private long wallStart;
    private long simStart = Long.MIN_VALUE;

    Pace(double pace) {
      this.pace = pace;
    }

    @Override
    public void run(long nowNanos) {
      if (simStart == Long.MIN_VALUE) {
        simStart = nowNanos;
        wallStart = System.nanoTime();
        return;
      }
      long due = wallStart + (long) ((nowNanos - simStart) / pace);
      for (long left; (left = due - System.nanoTime()) > 0; ) {
        LockSupport.parkNanos(left);
      }
    }
  }
}
