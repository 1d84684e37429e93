package io.ganglion.telemetry.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.DecodeResult;
import io.ganglion.telemetry.protocol.EventPayload;
import io.ganglion.telemetry.protocol.StatusPayload;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import io.ganglion.telemetry.protocol.TelemetryFormat;
import io.ganglion.telemetry.protocol.TelemetryReceiver;
import io.ganglion.telemetry.protocol.Topics;
import io.ganglion.telemetry.testing.CollectingSubscriber;
import io.ganglion.telemetry.testing.TestBroker;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TelemetryPublisherBrokerTest {

  static final StreamSchema JOINTS = StreamSchema.builder(1, "joints").f64("angle_rad").f32("torque_nm").q16("drive_q16").u8("mode").build();
  static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static TelemetryPublisher publisher(String board, PublisherConfig config) {
    return new TelemetryPublisher(MqttSettings.of(broker.url(), "ganglion-" + board),
        new BoardIdentity(board, "0.1.0-test", "c0ffee", "ncap"), List.of(JOINTS), config);
  }

  @ParameterizedTest
  @EnumSource(TelemetryFormat.class)
  void everyOfferedSampleArrivesInOrderWithExactValuesAtASeparateClient(TelemetryFormat format) throws Exception {
    String board = "pub-" + format.key();
    try (CollectingSubscriber sub = new CollectingSubscriber(broker.url(), "sub-" + board, Topics.boardFilter(board));
         TelemetryPublisher p = publisher(board, PublisherConfig.defaults().withFormat(format).withBatching(50, 2_000))) {
      p.start();
      assertTrue(p.awaitConnected(10, TimeUnit.SECONDS), p.lastConnectionError());
      int n = 1_000;
      for (int i = 0; i < n; i++) {
        SampleWriter w = p.claim(0, 1_000L * i);
        w.putDouble(0, i * 0.001).putDouble(1, -i).putLong(2, i * 3L).putLong(3, i % 256).commit();
        if (i % 100 == 99) {
          Thread.sleep(2); // a 1 kHz-ish loop in bursts, so the ring never overflows
        }
      }
      TelemetryReceiver receiver = new TelemetryReceiver().expect(JOINTS);
      String topic = Topics.telemetry(board, "joints");
      int next = 0;
      long expectedSeq = 0;
      while (next < n) {
        CollectingSubscriber.Received r = sub.awaitTopic(topic, 5_000);
        assertNotNull(r, "only " + next + " of " + n + " samples arrived; counters " + p.counters());
        assertEquals(format, TelemetryFormat.sniff(r.payload()));
        DecodeResult<TelemetryBatch> d = receiver.decode(r.topic(), r.payload());
        assertTrue(d.isOk(), d.message());
        TelemetryBatch b = d.value();
        assertEquals(expectedSeq++, b.seq(), "batch sequence numbers are contiguous");
        for (int i = 0; i < b.size(); i++, next++) {
          assertEquals(1_000L * next, b.tUs(i));
          assertEquals(next * 0.001, b.value(i, 0));
          assertEquals((float) -next, (float) b.value(i, 1));
          assertEquals(next * 3L, b.raw(i, 2));
          assertEquals(next % 256, b.raw(i, 3));
        }
      }
      assertEquals(0, p.counters().get("ring_overflow"));
      assertEquals(0, receiver.counters().total());
    }
  }

  @Test
  void birthIsRetainedAndCleanCloseRetainsOfflineWithCounters() throws Exception {
    String board = "birth";
    TelemetryPublisher p = publisher(board, PublisherConfig.defaults());
    p.start();
    assertTrue(p.awaitConnected(10, TimeUnit.SECONDS), p.lastConnectionError());
    // A client that subscribes after the birth still gets it: it is retained.
    try (CollectingSubscriber late = new CollectingSubscriber(broker.url(), "late-" + board, Topics.boardFilter(board))) {
      p.offerEvent(5, "failsafe", "link_lost", 0.5);
      CollectingSubscriber.Received r = late.awaitTopic(Topics.status(board), 5_000);
      assertNotNull(r);
      StatusPayload s = StatusPayload.parse(r.payload());
      assertEquals(StatusPayload.State.ONLINE, s.state());
      assertEquals("0.1.0-test", s.firmwareVersion());
      assertEquals("c0ffee", s.configHash());
      assertEquals("ncap", s.law());
      assertEquals("binary", s.format());
      assertEquals(List.of("joints"), s.streams());
      assertTrue(s.counters().containsKey("ring_overflow") && s.counters().containsKey("not_connected"));

      CollectingSubscriber.Received ev = late.awaitTopic(Topics.events(board), 5_000);
      assertNotNull(ev, "the event must arrive (QoS 1)");
      EventPayload e = EventPayload.parse(ev.payload());
      assertEquals("failsafe", e.kind());
      assertEquals("link_lost", e.detail());
      assertEquals(0, e.seq());

      p.offer(0, 1, new double[] {1, 2, 3, 4});
      p.close();
      CollectingSubscriber.Received off = late.await(m -> m.topic().equals(Topics.status(board))
          && StatusPayload.parse(m.payload()).state() == StatusPayload.State.OFFLINE, 5_000);
      assertNotNull(off, "close() must publish the offline status");
      StatusPayload offline = StatusPayload.parse(off.payload());
      assertEquals(StatusPayload.REASON_SHUTDOWN, offline.reason());
      assertEquals(1L, offline.counters().get("samples_offered"));
    }
    try (CollectingSubscriber after = new CollectingSubscriber(broker.url(), "after-" + board, Topics.status(board))) {
      CollectingSubscriber.Received r = after.awaitTopic(Topics.status(board), 5_000);
      assertNotNull(r);
      assertTrue(r.retained() || !broker.flagsStoredRetainedMessages(), "a stored status arrives flagged retained");
      assertEquals(StatusPayload.State.OFFLINE, StatusPayload.parse(r.payload()).state());
    }
  }

  @Test
  void samplesOfferedWithoutABrokerAreCountedAsNotConnected() throws Exception {
    try (TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of("tcp://127.0.0.1:" + io.ganglion.testkit.mqtt.MosquittoProcess.freeLoopbackPort(),
        "nobody"), new BoardIdentity("nobody", "0", "0", "ncap"), List.of(JOINTS), PublisherConfig.defaults().withReconnect(20, 100))) {
      p.start();
      for (int i = 0; i < 500; i++) {
        p.offer(0, i, new double[] {1, 2, 3, 4});
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while ((p.counters().get("not_connected") < 500 || p.counters().get("connect_failures") < 2) && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertEquals(500, p.counters().get("not_connected"));
      assertTrue(p.counters().get("connect_failures") >= 2, "it keeps retrying: " + p.counters());
      assertEquals(0, p.counters().get("samples_sent"));
    }
  }
}
