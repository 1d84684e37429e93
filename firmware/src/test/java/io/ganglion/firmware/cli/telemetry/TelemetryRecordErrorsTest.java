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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ganglion telemetry record} in its own JVM tells a broker link error (retried, recording
 * goes on) from a write error on its log (stop at once, exit 1, one line, the log so far intact).
 */
class TelemetryRecordErrorsTest {

  @TempDir Path dir;

  private static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  @Test
  void aWriteErrorOnTheLogStopsAtOnceWithExitOneAndOneLineAndTheLogSoFarIntact() throws Exception {
    Path log = dir.resolve("limited.glog");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    try (TestBroker broker = TestBroker.start(); DemoBoard board = new DemoBoard(broker.url(), "full1")) {
      // a real write error: the shell's file-size limit (48 KiB) makes writes beyond it fail with EFBIG
      // (the JVM ignores SIGXFSZ); -XX:-UsePerfData: no hsperfdata file under the limit
      String command = "ulimit -f 48 && exec '" + java() + "' -Xmx128m -XX:TieredStopAtLevel=1 -XX:-UsePerfData -cp '"
          + classPath() + "' " + GanglionMain.class.getName() + " telemetry record --broker " + broker.url()
          + " --board full1 --out '" + log + "'";
      Process p = new ProcessBuilder(List.of("bash", "-c", command))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped by itself on the write error: " + Files.readString(err));
      } finally {
        p.destroyForcibly();
      }
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      assertEquals(1, p.exitValue(), stderr);
      List<String> lines = stderr.strip().lines().toList();
      String last = lines.get(lines.size() - 1);
      Matcher m = Pattern.compile("ganglion: failed: cannot write telemetry log " + Pattern.quote(log.toString())
          + " \\((.+)\\): recording stopped after (\\d+) complete records; the log is intact up to there;"
          + " free disk space or choose another --out").matcher(last);
      assertTrue(m.matches(), stderr);
      assertTrue(lines.stream().noneMatch(l -> l.startsWith("\tat ") || l.contains("Exception")), "no stack trace: " + stderr);
      assertEquals("", Files.readString(out), "no summary after a failure");
      TelemetryLogs.Contents c = TelemetryLogs.read(log);
      assertTrue(c.report().clean(), "the log ends at a complete record: " + c.report());
      assertEquals(Long.parseLong(m.group(2)), c.records().size(), "the line says how many records the log keeps");
      assertTrue(c.records().size() > 20, "it recorded until the limit: " + c.records().size());
      assertTrue(Files.size(log) <= 48 * 1024);
    }
  }

  @Test
  void aBrokerRestartIsRetriedAndRecordingGoesOn() throws Exception {
    Path log = dir.resolve("restart.glog");
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    try (TestBroker broker = TestBroker.start(); DemoBoard board = new DemoBoard(broker.url(), "rst1")) {
      Process p = new ProcessBuilder(List.of(java(), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
          GanglionMain.class.getName(), "telemetry", "record", "--broker", broker.url(), "--board", "rst1",
          "--out", log.toString(), "--flush", "sync"))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try {
        awaitRecords(log, 10, err);
        broker.kill();
        Thread.sleep(800);
        assertTrue(p.isAlive(), "a lost broker does not stop the recording: " + Files.readString(err));
        broker.restart();
        int before = TelemetryLogs.read(log).records().size();
        awaitRecords(log, before + 20, err); // the board reconnects and publishes; the recorder re-subscribed
        p.destroy(); // SIGTERM: a normal stop
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
      } finally {
        p.destroyForcibly();
      }
      String stdout = Files.readString(out); // the exit code after SIGTERM is the JVM's (143); the summary tells
      assertTrue(stdout.startsWith("recorded "), stdout + Files.readString(err));
      Matcher m = Pattern.compile("(?s).*connects (\\d+), connection losses (\\d+).*").matcher(stdout);
      assertTrue(m.matches(), stdout);
      assertTrue(Long.parseLong(m.group(1)) >= 2 && Long.parseLong(m.group(2)) >= 1, stdout);
      assertTrue(TelemetryLogs.read(log).report().clean());
    }
  }

  private static void awaitRecords(Path log, int n, Path err) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline && (!Files.exists(log) || TelemetryLogs.read(log).records().size() < n)) {
      Thread.sleep(100);
    }
    assertTrue(Files.exists(log) && TelemetryLogs.read(log).records().size() >= n,
        "at least " + n + " records: " + (Files.exists(log) ? TelemetryLogs.read(log).records().size() : "no log") + "; "
            + Files.readString(err));
  }
}
