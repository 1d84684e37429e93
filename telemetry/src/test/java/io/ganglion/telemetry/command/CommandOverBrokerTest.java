package io.ganglion.telemetry.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.EventPayload;
import io.ganglion.telemetry.protocol.StatusPayload;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.StrictJson;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import io.ganglion.telemetry.testing.CollectingSubscriber;
import io.ganglion.telemetry.testing.TestBroker;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CommandOverBrokerTest {

  private static final String BOARD = "cmd-board";
  private static final StreamSchema S = StreamSchema.builder(1, "s").f64("x_m").build();

  private static EventPayload nextEvent(CollectingSubscriber events, String kind) throws InterruptedException {
    CollectingSubscriber.Received r = events.await(m -> EventPayload.parse(m.payload()).kind().equals(kind), 5_000);
    return r == null ? null : EventPayload.parse(r.payload());
  }

  @Test
  void onlyFreshUniqueCorrectlySignedCommandsReachTheHandlerAndEveryVerdictIsReported() throws Exception {
    CommandKey key = CommandKey.generate(new SecureRandom());
    LinkedBlockingQueue<Command> handled = new LinkedBlockingQueue<>();
    try (TestBroker broker = TestBroker.start();
         TelemetryPublisher board = new TelemetryPublisher(MqttSettings.of(broker.url(), "ganglion-" + BOARD),
             new BoardIdentity(BOARD, "0.1.0", "abc", "ncap"), List.of(S), PublisherConfig.defaults().withStatusPeriodMillis(200));
         CollectingSubscriber events = new CollectingSubscriber(broker.url(), "events-watcher", Topics.events(BOARD))) {
      CommandReceiver.attach(board, new CommandVerifier(BOARD, key), handled::add, () -> System.nanoTime() / 1_000);
      board.start();
      assertTrue(board.awaitConnected(10, TimeUnit.SECONDS), board.lastConnectionError());

      CommandSigner signer = new CommandSigner(key);
      try (CommandSender operator = new CommandSender(MqttSettings.of(broker.url(), "operator"), signer)) {
        ObjectNode args = StrictJson.object();
        args.put("name", "gain");
        args.put("value", 0.25);
        byte[] valid = operator.send(BOARD, "set", args);
        Command c = handled.poll(5, TimeUnit.SECONDS);
        assertNotNull(c, "the valid command must reach the handler");
        assertEquals("set", c.verb());
        assertEquals(0.25, c.argDouble("value", 0));
        assertEquals("set", nextEvent(events, "command_accepted").detail());

        operator.sendRaw(Topics.command(BOARD, "set"), valid); // replay
        assertEquals("replayed set", nextEvent(events, "command_rejected").detail());

        byte[] stale = new CommandSigner(key, () -> System.currentTimeMillis() - 120_000, new SecureRandom()).sign(BOARD, "arm", null);
        operator.sendRaw(Topics.command(BOARD, "arm"), stale);
        assertEquals("stale arm", nextEvent(events, "command_rejected").detail());

        operator.sendRaw(Topics.command(BOARD, "arm"), "{\"v\":1,\"board\":\"cmd-board\",\"verb\":\"arm\"}".getBytes());
        assertEquals("unsigned arm", nextEvent(events, "command_rejected").detail());

        byte[] forged = new CommandSigner(CommandKey.generate(new SecureRandom())).sign(BOARD, "disarm", null);
        operator.sendRaw(Topics.command(BOARD, "disarm"), forged);
        assertEquals("bad_signature disarm", nextEvent(events, "command_rejected").detail());

        assertNull(handled.poll(300, TimeUnit.MILLISECONDS), "no refused command may reach the handler");

        try (CollectingSubscriber status = new CollectingSubscriber(broker.url(), "status-watcher", Topics.status(BOARD))) {
          CollectingSubscriber.Received r = status.await(m -> {
            var counters = StatusPayload.parse(m.payload()).counters();
            return counters.getOrDefault("commands_bad_signature", 0L) == 1;
          }, 5_000);
          assertNotNull(r, "status must carry the command counters");
          var counters = StatusPayload.parse(r.payload()).counters();
          assertEquals(1L, counters.get("commands_accepted"));
          assertEquals(1L, counters.get("commands_replayed"));
          assertEquals(1L, counters.get("commands_stale"));
          assertEquals(1L, counters.get("commands_unsigned"));
        }
      }
    }
  }
}
