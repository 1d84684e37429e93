package io.ganglion.firmware.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.sim.swimmer.SwimmerConfig;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerState;
import io.ganglion.telemetry.hil.HilSimulatorLink;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Link loss in both directions: the board goes to failsafe; the simulator pauses and reports. */
class HilLinkLossTest {

  static SwimmerState swimmer() {
    return new SwimmerState(new SwimmerModel(SwimmerConfig.dmControl(6)));
  }

  @Test
  void aSilentSimulatorTripsTheBoardsFailsafeWithinItsLinkTimeout() throws Exception {
    List<FailsafeReason> reasons = new ArrayList<>();
    List<ArmState> states = new ArrayList<>();
    EventSink events = e -> {
      reasons.add(e.reason);
      states.add(e.to);
    };
    ByteArrayOutputStream boardLog = new ByteArrayOutputStream();
    try (TestBroker broker = TestBroker.start();
         HilBoard board = HilBoard.open(HilSwimmerBitIdentityTest.board(), MqttSettings.of(broker.url(), "loss-board"),
             new HilBoard.Options("loss1", TimeUnit.MILLISECONDS.toNanos(300), true, TimeUnit.SECONDS.toNanos(2)), events, "t");
         HilSimulatorLink link = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "loss-sim"), "loss1",
             HilSensorLayout.sensorWords(5, true), 10_000)) {
      CompletableFuture<HilBoard.Result> run = CompletableFuture.supplyAsync(
          () -> board.run(new PrintStream(boardLog, true, StandardCharsets.UTF_8)));
      HilSwimmerWorld world = new HilSwimmerWorld(swimmer(), (step, s, u) -> { });
      // 50 steps, then the simulator vanishes without END
      HilServer.Result served = HilServer.serve(world, link, new HilServer.Options(50, TimeUnit.MILLISECONDS.toNanos(100),
          TimeUnit.SECONDS.toNanos(5), 0), new PrintWriter(new StringWriter()), n -> { });
      assertEquals(50, served.steps());
      HilBoard.Result r = run.get(20, TimeUnit.SECONDS);
      // (HilServer sends END at the end: the board ends cleanly; so this run covers the armed part only)
      assertTrue(r.ended());
      assertEquals(List.of(ArmState.ARMED, ArmState.DISARMED), states, "armed while the frames came, shutdown at END");
    }
    reasons.clear();
    states.clear();
    boardLog.reset();
    try (TestBroker broker = TestBroker.start();
         HilBoard board = HilBoard.open(HilSwimmerBitIdentityTest.board(), MqttSettings.of(broker.url(), "loss-board2"),
             new HilBoard.Options("loss2", TimeUnit.MILLISECONDS.toNanos(300), true, TimeUnit.MILLISECONDS.toNanos(1_500)),
             events, "t");
         HilSimulatorLink link = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "loss-sim2"), "loss2",
             HilSensorLayout.sensorWords(5, true), 10_000)) {
      CompletableFuture<HilBoard.Result> run = CompletableFuture.supplyAsync(
          () -> board.run(new PrintStream(boardLog, true, StandardCharsets.UTF_8)));
      HilSwimmerWorld world = new HilSwimmerWorld(swimmer(), (step, s, u) -> { });
      double[] sensors = new double[world.sensorWords()];
      io.ganglion.telemetry.hil.HilFrame answer = new io.ganglion.telemetry.hil.HilFrame(8);
      for (int n = 0; n < 30; n++) {
        int c = world.readSensors(n * HilSwimmerWorld.STEP_NANOS, sensors);
        assertTrue(link.exchange(n, n * 30_000L, sensors, c, answer, TimeUnit.MILLISECONDS.toNanos(100),
            TimeUnit.SECONDS.toNanos(5)));
        world.step(answer.values(), answer.count());
      }
      long silentFrom = System.nanoTime();
      HilBoard.Result r = run.get(20, TimeUnit.SECONDS); // the simulator is silent now: link lost, then give-up
      assertFalse(r.ended());
      assertEquals(1, r.linkLosses());
      assertTrue(r.linkLost());
      assertEquals(List.of(ArmState.ARMED, ArmState.FAILSAFE, ArmState.DISARMED), states);
      assertEquals(FailsafeReason.LINK_LOST, reasons.get(1));
      String log = boardLog.toString(StandardCharsets.UTF_8);
      assertTrue(log.contains("HIL link lost: no sensor frame for"), log);
      assertTrue(System.nanoTime() - silentFrom >= TimeUnit.MILLISECONDS.toNanos(300));
    }
  }

  @Test
  void aSilentBoardPausesTheSimulatorWhichSaysSo() throws Exception {
    try (TestBroker broker = TestBroker.start();
         HilSimulatorLink link = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "pause-sim"), "pause1",
             HilSensorLayout.sensorWords(5, true), 10_000)) {
      StringWriter log = new StringWriter();
      HilSwimmerWorld world = new HilSwimmerWorld(swimmer(), (step, s, u) -> { });
      HilServer.Result r = HilServer.serve(world, link, new HilServer.Options(10, TimeUnit.MILLISECONDS.toNanos(50),
          TimeUnit.MILLISECONDS.toNanos(200), TimeUnit.MILLISECONDS.toNanos(600)), new PrintWriter(log), n -> { });
      assertEquals(0, r.steps(), "nothing advanced without the board");
      assertFalse(r.completed());
      assertEquals(1, r.pauses());
      assertTrue(r.pausedSeconds() >= 0.6);
      assertTrue(log.toString().contains("the board did not answer step 0 within 200 ms: simulation paused"), log.toString());
      assertTrue(log.toString().contains("gave up at step 0"), log.toString());
      assertTrue(r.retransmits() >= 5, "sensors were retransmitted while paused: " + r.retransmits());
      assertEquals(0.0, world.state().timeS(), "the physics did not move");
    }
  }

  @Test
  void aGiveUpShorterThanTheLinkTimeoutIsKeptByTheSimulator() throws Exception {
    try (TestBroker broker = TestBroker.start();
         HilSimulatorLink link = HilSimulatorLink.connect(MqttSettings.of(broker.url(), "giveup-sim"), "giveup1",
             HilSensorLayout.sensorWords(5, true), 10_000)) {
      HilSwimmerWorld world = new HilSwimmerWorld(swimmer(), (step, s, u) -> { });
      // paused after 300 ms without the board; gives up 100 ms later, not after another 5 s link timeout
      HilServer.Result r = HilServer.serve(world, link, new HilServer.Options(10, TimeUnit.MILLISECONDS.toNanos(50),
          TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.MILLISECONDS.toNanos(100)), new PrintWriter(new StringWriter()),
          n -> { });
      assertFalse(r.completed());
      assertTrue(r.pausedSeconds() >= 0.1 && r.pausedSeconds() < 0.3, "paused " + r.pausedSeconds() + " s");
    }
  }

  @Test
  void aGiveUpShorterThanTheLinkTimeoutIsKeptByTheBoard() throws Exception {
    try (TestBroker broker = TestBroker.start();
         HilBoard board = HilBoard.open(HilSwimmerBitIdentityTest.board(), MqttSettings.of(broker.url(), "giveup-board"),
             new HilBoard.Options("giveup2", TimeUnit.SECONDS.toNanos(30), true, TimeUnit.MILLISECONDS.toNanos(200)),
             EventSink.NONE, "t")) {
      // no simulator at all: the board stops after 200 ms of silence, not after the 30 s link timeout
      HilBoard.Result r = CompletableFuture.supplyAsync(() -> board.run(new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8))).get(15, TimeUnit.SECONDS);
      assertTrue(r.gaveUp());
      assertFalse(r.ended());
    }
  }
}
