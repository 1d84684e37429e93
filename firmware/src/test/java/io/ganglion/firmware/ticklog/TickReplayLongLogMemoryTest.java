package io.ganglion.firmware.ticklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.cli.GanglionMain;
import io.ganglion.telemetry.record.TelemetryLogReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A replay streams the tick log: its memory does not grow with the log. A 60 s mock run at the
 * example's rates writes ~45 MB (~390,000 records); reading them all into a list before replaying
 * needed more than 64 MB of heap (an hour-long board run, 2.7 GB, needed several GB), and the
 * replay died with an OutOfMemoryError stack trace.
 */
class TickReplayLongLogMemoryTest {

  @TempDir Path dir;

  @Test
  void aLogLargerThanTheHeapReplaysIdenticallyInASmallHeap() throws Exception {
    Path log = dir.resolve("long.glog");
    CliRun run = CliRun.of("run", "--config", TickReplayTest.boardFile(), "--mock", "--virtual-time", "--duration", "60",
        "--record", log.toString());
    assertEquals(0, run.code, run.err);
    assertTrue(Files.size(log) > 40_000_000L, "a log larger than the child's heap: " + Files.size(log));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(List.of(java, "-Xmx40m", "-XX:TieredStopAtLevel=1", "-cp", cp,
        GanglionMain.class.getName(), "replay", log.toString(), "--json"))
        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the replay ended");
    } finally {
      p.destroyForcibly();
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), stdout + stderr);
    assertTrue(stdout.contains("\"identical\":true"), stdout);
    long records = 0;
    try (TelemetryLogReader reader = new TelemetryLogReader(log)) {
      while (reader.next() != null) {
        records++;
      }
    }
    assertTrue(stdout.contains("\"records\":" + records + ","), "every record counted: " + records + " " + stdout);
  }
}
