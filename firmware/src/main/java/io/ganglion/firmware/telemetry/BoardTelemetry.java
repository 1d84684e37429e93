package io.ganglion.firmware.telemetry;

import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.tap.TelemetryTap;
import io.ganglion.telemetry.command.CommandKey;
import io.ganglion.telemetry.command.CommandReceiver;
import io.ganglion.telemetry.command.CommandVerifier;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryFormat;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A board's (or a simulation's) MQTT side, assembled: the publisher with the {@link FrameStreams}
 * plus any world streams, the runtime adapters ({@link #tap()}, {@link #events()}), and, when a
 * command key is given, signed commands on {@code robots/<board>/cmd/+} into {@link LoopCommands}.
 * Publishes status, telemetry and events exactly as {@code docs/telemetry.md} says a board does.
 */
public final class BoardTelemetry implements AutoCloseable {

  /** The publisher thread's idle sleep on a board, us. */
  public static final long IDLE_PARK_MICROS = 1_000;

  private final TelemetryPublisher publisher;
  private final MqttTelemetryTap tap;
  private final MqttEventSink events;
  private final LoopCommands commands;

  private BoardTelemetry(TelemetryPublisher publisher, LoopCommands commands) {
    this.publisher = publisher;
    this.tap = new MqttTelemetryTap(publisher);
    this.events = new MqttEventSink(publisher);
    this.commands = commands;
  }

  /**
   * Creates and starts the publisher; waits up to {@code connectWaitMillis} for the broker (0: do
   * not wait; samples offered before the connection are dropped and counted).
   *
   * @param joints encoders, {@code channels} PWM outputs, {@code imu} whether there is an IMU
   * @param worldStreams extra streams (a simulation's world), may be empty
   * @param key the board's command key, or null for no commands
   * @param law the law {@code set} commands address
   * @param clockMicros board time for command events
   */
  public static BoardTelemetry start(MqttSettings mqtt, BoardIdentity identity, int joints, int channels, boolean imu,
      List<StreamSchema> worldStreams, TelemetryFormat format, CommandKey key, ControlLaw law, LongSupplier clockMicros,
      long connectWaitMillis) throws InterruptedException {
    List<StreamSchema> streams = new ArrayList<>(FrameStreams.of(joints, channels, imu));
    streams.addAll(worldStreams);
    PublisherConfig d = PublisherConfig.defaults().withFormat(format);
    // a board shares its cores with the loop: the publisher thread wakes every 1 ms when idle (not 200 us);
    // batches wait at most maxBatchDelay (2 ms) plus that
    PublisherConfig config = new PublisherConfig(d.format(), d.ringCapacity(), d.maxBatchSamples(), d.maxBatchDelayMicros(),
        d.statusPeriodMillis(), d.maxInFlightMessages(), d.eventCapacity(), d.reconnectInitialMillis(), d.reconnectMaxMillis(),
        IDLE_PARK_MICROS);
    TelemetryPublisher p = new TelemetryPublisher(mqtt, identity, streams, config);
    LoopCommands commands = null;
    if (key != null) {
      commands = new LoopCommands(null, law);
      CommandReceiver.attach(p, new CommandVerifier(identity.boardId(), key), commands, clockMicros);
    }
    p.start();
    if (connectWaitMillis > 0) {
      p.awaitConnected(connectWaitMillis, TimeUnit.MILLISECONDS);
    }
    return new BoardTelemetry(p, commands);
  }

  /** The runtime's telemetry tap writing into the publisher. */
  public TelemetryTap tap() {
    return tap;
  }

  /** The failsafe's event sink publishing transitions. */
  public EventSink events() {
    return events;
  }

  /** The command queue (its loop task), or null without a command key. */
  public LoopCommands commands() {
    return commands;
  }

  /** The publisher (world streams write through it; counters). */
  public TelemetryPublisher publisher() {
    return publisher;
  }

  /** Drains, publishes offline/shutdown, disconnects. */
  @Override
  public void close() {
    publisher.close();
  }
}
