package io.ganglion.telemetry.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.StatusPayload;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.testing.ChildJvm;
import io.ganglion.telemetry.testing.CollectingSubscriber;
import io.ganglion.telemetry.testing.TestBroker;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BirthAndLastWillTest {

  private static boolean isStatus(CollectingSubscriber.Received r, String board, StatusPayload.State state) {
    return r.topic().equals(Topics.status(board)) && StatusPayload.parse(r.payload()).state() == state;
  }

  @Test
  void killedBoardProcessTurnsItsRetainedStatusOfflineThroughTheLastWill() throws Exception {
    String board = "lwt-board";
    try (TestBroker broker = TestBroker.start();
         CollectingSubscriber watcher = new CollectingSubscriber(broker.url(), "watcher", Topics.boardFilter(board))) {
      ChildJvm child = ChildJvm.start(PublisherChild.class, broker.url(), board);
      child.awaitLine("connected", 20_000);
      CollectingSubscriber.Received online = watcher.await(r -> isStatus(r, board, StatusPayload.State.ONLINE), 5_000);
      assertNotNull(online, "birth message");
      assertEquals("0.1.0-child", StatusPayload.parse(online.payload()).firmwareVersion());
      assertNotNull(watcher.awaitTopic(Topics.telemetry(board, "joints"), 5_000), "the child publishes telemetry");

      child.kill(); // SIGKILL: no DISCONNECT reaches the broker, only a closed socket

      CollectingSubscriber.Received offline = watcher.await(r -> isStatus(r, board, StatusPayload.State.OFFLINE), 10_000);
      assertNotNull(offline, "the broker must publish the last will");
      StatusPayload will = StatusPayload.parse(offline.payload());
      assertEquals(StatusPayload.REASON_CONNECTION_LOST, will.reason());
      assertEquals("ncap", will.law());

      // A client arriving later sees the retained offline status.
      try (CollectingSubscriber later = new CollectingSubscriber(broker.url(), "later", Topics.status(board))) {
        CollectingSubscriber.Received r = later.awaitTopic(Topics.status(board), 5_000);
        assertNotNull(r);
        assertTrue(r.retained() || !broker.flagsStoredRetainedMessages(), "a stored status arrives flagged retained");
        assertEquals(StatusPayload.State.OFFLINE, StatusPayload.parse(r.payload()).state());
      }
    }
  }

  @Test
  void afterABrokerRestartThePublisherReconnectsRepublishesItsBirthAndTelemetryResumes() throws Exception {
    String board = "restart-board";
    try (TestBroker broker = TestBroker.start();
         TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of(broker.url(), "ganglion-" + board),
             new BoardIdentity(board, "0.1.0", "abc", "ncap"), List.of(TelemetryPublisherBrokerTest.JOINTS),
             PublisherConfig.defaults().withReconnect(50, 400))) {
      p.start();
      assertTrue(p.awaitConnected(10, TimeUnit.SECONDS), p.lastConnectionError());
      double[] v = {1, 2, 3, 4};
      System.out.println("[restart test] broker: " + broker.name());
      broker.kill();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (p.isConnected() && System.nanoTime() < deadline) {
        p.offer(0, 1, v);
        Thread.sleep(1);
      }
      for (int i = 0; i < 100; i++) {
        p.offer(0, 2, v); // the loop keeps offering while the broker is down
        Thread.sleep(1);
      }
      broker.restart();
      try (CollectingSubscriber sub = new CollectingSubscriber(broker.url(), "after-restart", Topics.boardFilter(board))) {
        CollectingSubscriber.Received birth = sub.await(r -> isStatus(r, board, StatusPayload.State.ONLINE), 10_000);
        assertNotNull(birth, "birth must be re-published after reconnect; " + p.counters());
        long deadline2 = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        CollectingSubscriber.Received telemetry = null;
        while (telemetry == null && System.nanoTime() < deadline2) {
          p.offer(0, 3, v);
          telemetry = sub.await(r -> r.topic().equals(Topics.telemetry(board, "joints")), 20);
        }
        assertNotNull(telemetry, "telemetry resumes after reconnect");
      }
      var c = p.counters();
      assertTrue(c.get("connection_losses") >= 1, c.toString());
      assertTrue(c.get("connects") >= 2, c.toString());
      assertTrue(c.get("not_connected") >= 100, "samples offered during the outage are counted: " + c);
    }
  }
}
