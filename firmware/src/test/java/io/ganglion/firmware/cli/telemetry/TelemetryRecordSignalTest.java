package io.ganglion.firmware.cli.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.cli.GanglionMain;
import io.ganglion.firmware.testing.DemoBoard;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.telemetry.record.TelemetryLogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ganglion telemetry record} in its own JVM, stopped by SIGTERM as a service manager or Ctrl-C would. */
class TelemetryRecordSignalTest {

  @TempDir Path dir;

  @Test
  void sigtermClosesTheLogCleanlyAndPrintsTheSummary() throws Exception {
    Path log = dir.resolve("signal.glog");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    try (TestBroker broker = TestBroker.start(); DemoBoard board = new DemoBoard(broker.url(), "sig1")) {
      String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      Process p = new ProcessBuilder(List.of(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", cp, GanglionMain.class.getName(), "telemetry", "record",
          "--broker", broker.url(), "--board", "sig1", "--out", log.toString()))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && (!Files.exists(log) || TelemetryLogs.read(log).records().size() < 10)) {
          Thread.sleep(100);
        }
        assertTrue(TelemetryLogs.read(log).records().size() >= 10, "recording started: " + Files.readString(err));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "exited after SIGTERM");
      } finally {
        p.destroyForcibly();
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      assertTrue(stdout.startsWith("recorded "), "summary printed on exit: " + stdout + Files.readString(err));
      TelemetryLogs.Contents c = TelemetryLogs.read(log);
      assertTrue(c.report().clean(), "no torn tail after a clean stop: " + c.report());
      long reported = Long.parseLong(stdout.substring("recorded ".length(), stdout.indexOf(' ', "recorded ".length())));
      assertEquals(c.records().size(), reported, "every record counted is in the file");
    }
  }
}
