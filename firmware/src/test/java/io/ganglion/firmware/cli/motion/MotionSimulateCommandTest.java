package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.EventReaderStats;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.sim.dvs.DvsSensorConfig;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionMovieConfig;
import io.ganglion.sim.dvs.TextureSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MotionSimulateCommandTest {

  @TempDir Path dir;

  @Test
  void motionHelpListsSimulate() {
    CliRun r = CliRun.of("motion", "--help");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("simulate"), r.out);
    assertTrue(CliRun.of("--help").out.contains("motion"));
  }

  @Test
  void writesAnEvt2FileWhoseEventsAndJsonSummaryAgree() throws IOException {
    Path f = dir.resolve("m.raw");
    CliRun r = CliRun.of("motion", "simulate", "--out", f.toString(), "--width", "48", "--height", "32", "--duration-ms", "100",
        "--directions", "12", "--speeds", "3", "--class", "14", "--seed", "3", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode j = new ObjectMapper().readTree(r.out);
    EventReaderStats stats = EventFiles.scan(f, EventReaderConfig.defaults());
    assertEquals(stats.eventsRead(), j.get("events").asLong());
    assertTrue(j.get("events").asLong() > 1000);
    assertEquals(j.get("events").asLong(), j.get("on_events").asLong() + j.get("off_events").asLong());
    assertEquals(0.1, j.get("duration_s").asDouble(), 1e-12);
    assertEquals(48, j.get("width").asInt());
    assertEquals(14, j.get("class").asInt());
    JsonNode seg = j.get("segments").get(0);
    assertEquals(1, j.get("segments").size());
    assertEquals(60.0, seg.get("direction_deg").asDouble(), 1e-9, "class 14 = speed 1, direction 2 of 12");
    assertEquals(0.40, seg.get("speed_px_ms").asDouble(), 1e-12);
    assertEquals(Files.size(f), j.get("bytes").asLong());
    for (String key : new String[] {"noise_events", "refractory_suppressed", "texture", "speed_values_px_ms", "sim_events_per_s"}) {
      assertTrue(j.has(key), key);
    }
  }

  @Test
  void theFileHoldsExactlyTheLibrarysMovieForTheSameClassAndSeed() {
    Path f = dir.resolve("m.raw");
    assertEquals(0, CliRun.of("motion", "simulate", "--out", f.toString(), "--width", "32", "--height", "32", "--duration-ms", "60",
        "--directions", "8", "--direction-index", "2", "--texture", "grating", "--seed", "11").code);
    MotionMovieConfig config = MotionMovieConfig.of(32, 32, 60_000, MotionClasses.of(8, 1))
        .withTexture(TextureSpec.grating(16)).withSensor(DvsSensorConfig.defaults());
    EventBuffer expected = MotionMovie.generate(config, 2, 11).allEvents();
    try (EventReader reader = EventFiles.open(f, EventReaderConfig.defaults())) {
      EventBuffer all = new EventBuffer(expected.count() + 1);
      EventBuffer buf = new EventBuffer(4096);
      while (reader.read(buf) > 0) {
        all.append(buf, 0, buf.count());
      }
      assertEquals(expected.count(), all.count());
      assertArrayEquals(java.util.Arrays.copyOf(expected.tUs, expected.count()), java.util.Arrays.copyOf(all.tUs, all.count()));
      assertArrayEquals(java.util.Arrays.copyOf(expected.x, expected.count()), java.util.Arrays.copyOf(all.x, all.count()));
    }
  }

  @Test
  void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
    Path a = dir.resolve("a.raw");
    Path b = dir.resolve("b.raw");
    Path c = dir.resolve("c.raw");
    String[] common = {"motion", "simulate", "--width", "40", "--height", "40", "--duration-ms", "80", "--saccades",
        "--saccade-ms", "10,30", "--directions", "12", "--speeds", "3", "--noise-hz", "5", "--threshold-sigma", "0.03"};
    assertEquals(0, CliRun.of(concat(common, "--out", a.toString(), "--seed", "5")).code);
    assertEquals(0, CliRun.of(concat(common, "--out", b.toString(), "--seed", "5")).code);
    assertEquals(0, CliRun.of(concat(common, "--out", c.toString(), "--seed", "6")).code);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
  }

  @Test
  void saccadesPrintEverySegmentOfTheLabelTrack() throws IOException {
    Path f = dir.resolve("w.raw");
    CliRun r = CliRun.of("motion", "simulate", "--out", f.toString(), "--width", "16", "--height", "16", "--duration-ms", "300",
        "--saccades", "--saccade-ms", "40,60", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode segs = new ObjectMapper().readTree(r.out).get("segments");
    assertTrue(segs.size() >= 5, r.out);
    assertEquals(0.3, segs.get(segs.size() - 1).get("t_end_s").asDouble(), 1e-12);
    CliRun text = CliRun.of("motion", "simulate", "--out", f.toString(), "--width", "16", "--height", "16", "--duration-ms", "300",
        "--saccades", "--saccade-ms", "40,60");
    assertEquals(segs.size(), text.out.lines().filter(l -> l.contains(" class ") && l.contains("deg")).count(), text.out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--directions=0", "--speeds=0", "--speed-values=0.4,0.3", "--speed-values=0.2,x", "--class=8",
      "--direction-index=8", "--speed-index=1", "--texture=plaid", "--grating-profile=triangle", "--contrast=1",
      "--alpha=5", "--grating-period=1", "--width=0", "--height=4096", "--duration-ms=0", "--threshold=0",
      "--threshold-sigma=2", "--refractory-us=-1", "--noise-hz=-1", "--sample-us=0", "--saccade-ms=10,20",
      "--orientation=Infinity"})
  void badInputExitsTwoWithOneLineAndLeavesTheOutputUntouched(String flag) throws IOException {
    Path f = dir.resolve("keep.raw");
    Files.writeString(f, "previous content\n");
    CliRun r = CliRun.of("motion", "simulate", "--out", f.toString(), "--duration-ms", "10", "--width", "8", "--height", "8", flag);
    assertEquals(2, r.code, flag + ": " + r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertFalse(r.err.contains("Exception"), r.err);
    assertEquals("previous content\n", Files.readString(f));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void speedValuesMustMatchTheSpeedCountAndClassWithDirectionIndexIsRejected() {
    Path f = dir.resolve("x.raw");
    CliRun r = CliRun.of("motion", "simulate", "--out", f.toString(), "--speeds", "2", "--speed-values", "0.1,0.2,0.3");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("--speed-values has 3 values but --speeds is 2"), r.err);
    CliRun both = CliRun.of("motion", "simulate", "--out", f.toString(), "--class", "1", "--direction-index", "1");
    assertEquals(2, both.code);
    assertFalse(Files.exists(f));
  }

  private static String[] concat(String[] a, String... b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }
}
