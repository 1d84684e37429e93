package io.ganglion.telemetry.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.testing.TestBroker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HilLockStepTest {

  static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** A board that answers each step's sensors doubled, counting the steps it computed. */
  static Thread echoBoard(HilBoardLink board, AtomicLong computed) {
    Thread t = new Thread(() -> {
      HilFrame in = new HilFrame(16);
      double[] out = new double[16];
      while (true) {
        HilFrame.Kind k = board.awaitSensors(in, TimeUnit.SECONDS.toNanos(5));
        if (k != HilFrame.Kind.SENSORS) {
          return;
        }
        for (int i = 0; i < in.count(); i++) {
          out[i] = 2 * in.value(i);
        }
        computed.incrementAndGet();
        board.answer(in.seq(), in.tUs(), out, in.count());
      }
    }, "echo-board");
    t.start();
    return t;
  }

  @Test
  void everyStepIsAnsweredForItsOwnSequenceNumberWithExactValues() throws Exception {
    try (HilBoardLink board = HilBoardLink.connect(MqttSettings.of(broker.url(), "hil-board-1"), "s1", 16, 5_000);
         HilSimulatorLink sim = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "hil-sim-1"), "s1", 16, 5_000)) {
      AtomicLong computed = new AtomicLong();
      Thread t = echoBoard(board, computed);
      double[] sensors = new double[12];
      HilFrame answer = new HilFrame(16);
      int steps = 2_000;
      long start = System.nanoTime();
      for (long seq = 0; seq < steps; seq++) {
        for (int i = 0; i < sensors.length; i++) {
          sensors[i] = Math.sin(seq * 0.01 + i);
        }
        assertTrue(sim.exchange(seq, seq * 30_000, sensors, 12, answer, TimeUnit.MILLISECONDS.toNanos(200),
            TimeUnit.SECONDS.toNanos(5)), "step " + seq);
        assertEquals(seq, answer.seq());
        assertEquals(12, answer.count());
        for (int i = 0; i < 12; i++) {
          assertEquals(2 * sensors[i], answer.value(i));
        }
      }
      double perSecond = steps / ((System.nanoTime() - start) / 1e9);
      System.out.printf("[hil] %s: %d lock-step exchanges, %.0f steps/s, %d retransmits%n", broker.name(), steps, perSecond,
          sim.retransmits());
      assertTrue(sim.end(steps, steps * 30_000L, TimeUnit.MILLISECONDS.toNanos(200), TimeUnit.SECONDS.toNanos(5)),
          "the board acknowledged the end");
      t.join(5_000);
      assertFalse(t.isAlive(), "the board saw the end of the run");
      assertEquals(steps, computed.get() , "each step computed once");
      assertEquals(0, board.rejects().total());
      assertEquals(0, sim.rejects().total());
    }
  }

  @Test
  void aSilentBoardMakesTheExchangeTimeOutAfterRetransmittingAndASilentSimulatorTimesTheBoardOut() {
    try (HilBoardLink board = HilBoardLink.connect(MqttSettings.of(broker.url(), "hil-board-2"), "s2", 4, 5_000);
         HilSimulatorLink sim = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "hil-sim-2"), "s2", 4, 5_000)) {
      HilFrame answer = new HilFrame(4);
      long start = System.nanoTime();
      assertFalse(sim.exchange(0, 0, new double[] {1}, 1, answer, TimeUnit.MILLISECONDS.toNanos(50),
          TimeUnit.MILLISECONDS.toNanos(300)));
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(300));
      assertTrue(sim.retransmits() >= 3, "retransmitted " + sim.retransmits());
      assertEquals(1, sim.timeouts());
      // the board received the (re)sent frames: take the first, answer it; the duplicates are answered from the cache
      HilFrame in = new HilFrame(4);
      assertEquals(HilFrame.Kind.SENSORS, board.awaitSensors(in, TimeUnit.SECONDS.toNanos(1)));
      board.answer(in.seq(), in.tUs(), new double[] {5}, 1);
      assertNull(board.awaitSensors(in, TimeUnit.MILLISECONDS.toNanos(200)), "nothing new: the simulator went quiet");
    }
  }

  @Test
  void anEndLostBeforeTheBoardListensIsSentAgainUntilTheBoardAcknowledgesIt() throws Exception {
    try (HilSimulatorLink sim = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "hil-sim-3"), "s3", 4, 5_000)) {
      // the board subscribes only after the first END went out (to no one): that END is lost
      java.util.concurrent.CompletableFuture<HilFrame.Kind> boardSaw = new java.util.concurrent.CompletableFuture<>();
      Thread late = new Thread(() -> {
        java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
        try (HilBoardLink board = HilBoardLink.connect(MqttSettings.of(broker.url(), "hil-board-3"), "s3", 4, 5_000)) {
          HilFrame in = new HilFrame(4);
          HilFrame.Kind k = board.awaitSensors(in, TimeUnit.SECONDS.toNanos(5));
          boardSaw.complete(k == HilFrame.Kind.END && in.seq() == 7 ? k : null);
        } catch (RuntimeException e) {
          boardSaw.completeExceptionally(e);
        }
      }, "late-board");
      late.start();
      assertTrue(sim.end(7, 210_000, TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.SECONDS.toNanos(20)),
          "acknowledged; board: " + boardSaw);
      assertTrue(sim.retransmits() >= 1, "sent again: " + sim.retransmits());
      assertEquals(HilFrame.Kind.END, boardSaw.get(20, TimeUnit.SECONDS));
      late.join(5_000);
    }
  }

  @Test
  void anEndNobodyAcknowledgesTimesOut() {
    try (HilSimulatorLink sim = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "hil-sim-4"), "s4", 4, 5_000)) {
      long start = System.nanoTime();
      assertFalse(sim.end(3, 0, TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(250)));
      assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(250));
      assertTrue(sim.retransmits() >= 3, "sent again: " + sim.retransmits());
    }
  }
}
