package io.ganglion.telemetry.command;

import io.ganglion.telemetry.mqtt.MessageHandler;
import io.ganglion.telemetry.protocol.EventSink;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Board side of {@code robots/<board>/cmd/+}: verifies each message with a {@link
 * CommandVerifier}, hands accepted commands to the {@link CommandHandler} and reports every
 * verdict on {@code events} ({@code command_accepted}, {@code command_rejected} with the reason
 * and verb as detail, {@code command_failed} when the handler throws). Never throws into the MQTT
 * client.
 *
 * <pre>{@code
 * CommandReceiver.attach(publisher, new CommandVerifier(board, key), handler, clock);
 * publisher.start();
 * }</pre>
 */
public final class CommandReceiver implements MessageHandler {

  private final CommandVerifier verifier;
  private final CommandHandler handler;
  private final EventSink events;
  private final LongSupplier clockMicros;
  private final AtomicLong handlerFailures = new AtomicLong();

  /**
   * @param verifier checks signatures, freshness and replays
   * @param handler gets accepted commands
   * @param events where verdicts are reported
   * @param clockMicros the board time for event timestamps
   */
  public CommandReceiver(CommandVerifier verifier, CommandHandler handler, EventSink events, LongSupplier clockMicros) {
    this.verifier = verifier;
    this.handler = handler;
    this.events = events;
    this.clockMicros = clockMicros;
  }

  /**
   * Subscribes a new receiver to {@code publisher}'s board commands (QoS 1, renewed on reconnect)
   * and adds the command counters to its status. Call before {@code publisher.start()}.
   */
  public static CommandReceiver attach(TelemetryPublisher publisher, CommandVerifier verifier, CommandHandler handler,
      LongSupplier clockMicros) {
    CommandReceiver r = new CommandReceiver(verifier, handler, publisher, clockMicros);
    publisher.subscribe(Topics.commandFilter(publisher.identity().boardId()), Topics.RELIABLE_QOS, r);
    publisher.addStatusCounters(() -> {
      var m = verifier.counters();
      m.put("commands_failed", r.handlerFailures.get());
      return m;
    });
    return r;
  }

  @Override
  public void onMessage(String topic, byte[] payload, int qos, boolean retained) {
    CommandVerdict v = verifier.verify(topic, payload, retained);
    long t = clockMicros.getAsLong();
    if (!v.accepted()) {
      events.offerEvent(t, "command_rejected", v.rejection().key() + " " + v.verb(), Double.NaN);
      return;
    }
    events.offerEvent(t, "command_accepted", v.verb(), Double.NaN);
    try {
      handler.onCommand(v.command());
    } catch (RuntimeException e) {
      handlerFailures.incrementAndGet();
      events.offerEvent(t, "command_failed", v.verb() + ": " + e.getMessage(), Double.NaN);
    }
  }

  /** Handler exceptions caught so far. */
  public long handlerFailures() {
    return handlerFailures.get();
  }
}
