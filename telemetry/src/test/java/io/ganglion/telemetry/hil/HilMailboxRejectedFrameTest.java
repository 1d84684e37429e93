package io.ganglion.telemetry.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.RejectReason;
import io.ganglion.telemetry.testing.TestBroker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A frame an endpoint refuses (well-formed, but of a kind that side never receives) is counted and
 * must leave the frame waiting in the one-frame mailbox untouched.
 */
class HilMailboxRejectedFrameTest {

  static TestBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static void awaitReceived(HilEndpoint endpoint, long frames) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (endpoint.received() < frames) {
      assertTrue(System.nanoTime() - deadline < 0, "received " + endpoint.received() + " of " + frames + " frames");
      LockSupport.parkNanos(1_000_000);
    }
  }

  @Test
  void aFrameOfTheWrongKindDoesNotReplaceTheSensorsWaitingInTheBoardsMailbox() {
    try (HilBoardLink board = HilBoardLink.connect(MqttSettings.of(broker.url(), "hil-board-mbx"), "mbx", 4, 5_000);
         HilSimulatorLink sim = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "hil-sim-mbx"), "mbx", 4, 5_000)) {
      // on the sensors topic: the sensors of step 9, then an ACTUATORS frame (a board never takes those)
      sim.send(HilFrame.encode(HilFrame.Kind.SENSORS, 9, 270_000, new double[] {1.5, -2.0}, 2, sim.sendBuffer));
      sim.send(HilFrame.encode(HilFrame.Kind.ACTUATORS, 99, 5, new double[] {7.0}, 1, sim.sendBuffer));
      awaitReceived(board, 2);
      assertEquals(1, board.rejects().count(RejectReason.BAD_HEADER), "the wrong kind is counted");

      HilFrame in = new HilFrame(4);
      assertEquals(HilFrame.Kind.SENSORS, board.awaitSensors(in, TimeUnit.SECONDS.toNanos(1)));
      assertEquals(HilFrame.Kind.SENSORS, in.kind());
      assertEquals(9, in.seq(), "the sensors of step 9, not the refused frame's step");
      assertEquals(270_000, in.tUs());
      assertEquals(2, in.count());
      assertEquals(1.5, in.value(0));
      assertEquals(-2.0, in.value(1));
    }
  }

  @Test
  void aFrameOfTheWrongKindDoesNotReplaceTheAnswerWaitingInTheSimulatorsMailbox() {
    try (HilBoardLink board = HilBoardLink.connect(MqttSettings.of(broker.url(), "hil-board-mbx2"), "mbx2", 4, 5_000);
         HilSimulatorLink sim = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "hil-sim-mbx2"), "mbx2", 4, 5_000)) {
      // on the actuators topic: the answer to step 3, then a SENSORS frame (a simulator never takes those)
      board.answer(3, 90_000, new double[] {0.25}, 1);
      board.send(HilFrame.encode(HilFrame.Kind.SENSORS, 4, 120_000, new double[] {8.0, 9.0}, 2, board.sendBuffer));
      awaitReceived(sim, 2);
      assertEquals(1, sim.rejects().count(RejectReason.BAD_HEADER), "the wrong kind is counted");

      // the exchange of step 3 finds its answer already in the mailbox (the retransmit is never needed)
      HilFrame answer = new HilFrame(4);
      assertTrue(sim.exchange(3, 90_000, new double[] {1.0}, 1, answer, TimeUnit.SECONDS.toNanos(5),
          TimeUnit.MILLISECONDS.toNanos(500)), "the waiting answer to step 3 was kept");
      assertEquals(HilFrame.Kind.ACTUATORS, answer.kind());
      assertEquals(3, answer.seq());
      assertEquals(1, answer.count());
      assertEquals(0.25, answer.value(0));
    }
  }
}
