package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.events.EventFormat;
import io.ganglion.firmware.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ganglion motion results --quick}: every step runs and the report and plots are written. */
@Tag("slow")
class MotionResultsCommandTest {

  @TempDir Path dir;

  @Test
  void quickRunWritesTheReportWithItsPlots() throws IOException {
    Path recordings = Files.createDirectory(dir.resolve("events"));
    MotionDetectCommandTest.movie(recordings, "sim_right.raw", 0, EventFormat.EVT2);
    Path out = Files.createDirectory(dir.resolve("docs"));
    CliRun r = CliRun.of("motion", "results", "--out", out.toString(), "--recordings", recordings.toString(), "--quick");
    assertEquals(0, r.code, r.err);
    String md = Files.readString(out.resolve("motion-results.md"));
    for (String s : new String[] {"## Accuracy on held-out movies", "8 directions x 1 speed", "12 directions x 3 speeds",
        "## Pruning (12 x 3)", "img/motion-pruning.png", "## The built-in model", "12 x 3 model agrees", "### sim_right.raw", "frame-shift reference"}) {
      assertTrue(md.contains(s), s);
    }
    assertTrue(Files.size(out.resolve("img/motion-pruning.png")) > 1000);
    assertTrue(Files.size(out.resolve("img/motion-sim-right-raw.png")) > 1000);
    assertTrue(Files.size(out.resolve("img/motion-sim-right-raw-paper.png")) > 1000);
  }
}
