package io.ganglion.firmware.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.cli.run.RunSession;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.core.LoopReport;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.MonitorSnapshot;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real-time mock board run (1 kHz servo loop) publishing through mosquitto while the broker is
 * SIGKILLed and restarted: the loop never waits for the network (the telemetry task, the only loop
 * code that touches the publisher, never takes long), the publisher reconnects and telemetry
 * resumes, and every dropped sample is counted. Deadline misses and failsafe trips are printed,
 * not asserted: on a shared 2-core machine the loop misses deadlines with or without a broker
 * (docs/telemetry.md has the comparison).
 */
class BrokerRestartDuringBoardRunTest {

  @Test
  void theLoopKeepsRunningThroughABrokerKillAndTelemetryResumes() throws Exception {
    Path file = Path.of("examples", "swimmer6.yaml");
    BoardConfig board = BoardConfigLoader.load(Files.exists(file) ? file : Path.of("firmware").resolve(file));
    try (TestBroker broker = TestBroker.start();
         Monitor monitor = Monitor.start(MqttSettings.of(broker.url(), "restart-monitor"), board.boardId())) {
      assertTrue(monitor.awaitSubscribed(10, TimeUnit.SECONDS));
      RunSession session = RunSession.open(board, new RunSession.Options(true, false, true, false, 1, broker.url(), null),
          new PrintStream(PrintStream.nullOutputStream()));
      session.start(TimeUnit.MILLISECONDS.toNanos(4_000));
      Thread.sleep(1_000);
      broker.kill();
      Thread.sleep(1_000);
      broker.restart();
      assertTrue(session.awaitLoop(10_000));
      Map<String, Long> c = session.mqtt().publisher().counters();
      RunSession.Result r = session.finish();
      Map<String, Long> after = session.mqtt().publisher().counters();
      LoopReport loop = r.loop();
      long misses = loop.tasks().stream().mapToLong(LoopReport.TaskReport::misses).sum();
      System.out.printf("[board restart] %s: misses %d (%s), trips %d, telemetry task compute max %d us, counters %s%n", broker.isMosquitto() ? "mosquitto"
          : "embedded", misses, loop.tasks().stream().map(t -> t.name() + "=" + t.misses()).toList(), loop.trips(),
          loop.tasks().stream().filter(t -> t.name().equals("telemetry")).findFirst().orElseThrow().computeMaxNanos() / 1_000,
          after);
      LoopReport.TaskReport telemetry = loop.tasks().stream().filter(t -> t.name().equals("telemetry")).findFirst().orElseThrow();
      assertTrue(telemetry.runs() >= 150, "the telemetry task ran through the outage: " + telemetry.runs());
      // a wait on the network would be seconds (Paho's connect timeout); the bound leaves room for the
      // descheduling and GC pauses of a loaded 2-core machine (34 ms seen once while other builds ran)
      assertTrue(telemetry.computeMaxNanos() < TimeUnit.MILLISECONDS.toNanos(500), "the telemetry task never waited on the"
          + " network (connect timeouts are seconds): worst " + telemetry.computeMaxNanos() / 1e3 + " us");
      assertTrue(c.get("connection_losses") >= 1, c.toString());
      assertTrue(c.get("connects") >= 2, "reconnected: " + c);
      assertTrue(c.get("not_connected") > 0, "samples of the outage are counted as dropped: " + c);
      assertEquals(after.get("samples_offered"), after.get("samples_sent") + after.get("ring_overflow")
          + after.get("not_connected") + after.get("backpressure") + after.get("publish_failed")
          + after.get("in_flight_lost"), after.toString());
      MonitorSnapshot s = monitor.snapshot();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while ((s.board(board.boardId()) == null || s.board(board.boardId()).stream("joints") == null
          || s.board(board.boardId()).stream("joints").lastTUs() < 3_000_000L) && System.nanoTime() < deadline) {
        Thread.sleep(20);
        s = monitor.snapshot();
      }
      MonitorSnapshot.BoardSnapshot b = s.board(board.boardId());
      assertNotNull(b);
      assertTrue(b.stream("joints").lastTUs() >= 3_000_000L,
          "telemetry from after the restart arrived: last t_us " + b.stream("joints").lastTUs());
    }
  }
}
