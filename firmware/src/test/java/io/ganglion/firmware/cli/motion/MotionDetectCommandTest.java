package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventWriter;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionMovieConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ganglion motion detect} with the built-in model on simulated recordings written in several formats. */
class MotionDetectCommandTest {

  @TempDir static Path dir;
  static Path right;
  static Path down;

  /** 64 x 64 px, 200 ms of 1/f noise at 0.16 px/ms (one of the built-in model's 12 x 5 classes). */
  static Path movie(Path dir, String name, double directionDeg, EventFormat format) throws IOException {
    MotionClasses classes = new MotionClasses(12, new double[] {0.04, 0.08, 0.16, 0.32, 0.63});
    int cls = classes.classIndex(2, classes.nearestDirectionIndex(directionDeg));
    EventBuffer events = MotionMovie.generate(MotionMovieConfig.of(64, 64, 200_000, classes), cls, 77).allEvents();
    Path p = dir.resolve(name);
    try (EventWriter w = EventFiles.newWriter(p, format, new SensorSize(64, 64))) {
      w.write(events);
    }
    return p;
  }

  @BeforeAll
  static void recordings() throws IOException {
    right = movie(dir, "right.raw", 0, EventFormat.EVT2);
    down = movie(dir, "down.txt", 90, EventFormat.TEXT);
  }

  private static JsonNode detect(Path input, String... more) throws IOException {
    String[] args = new String[4 + more.length];
    args[0] = "motion";
    args[1] = "detect";
    args[2] = "--input";
    args[3] = input.toString();
    System.arraycopy(more, 0, args, 4, more.length);
    CliRun r = CliRun.of(args);
    assertEquals(0, r.code, r.err);
    return new ObjectMapper().readTree(r.out);
  }

  @Test
  void noSpikeAtAllSaysWhyAndWhatToTry() {
    CliRun quiet = CliRun.of("motion", "detect", "--input", right.toString(), "--spike-margin", "30000");
    assertEquals(0, quiet.code, quiet.err);
    assertTrue(quiet.out.contains("(0 spikes)") && quiet.out.contains("try --spike-margin 0"), quiet.out);
    CliRun normal = CliRun.of("motion", "detect", "--input", right.toString());
    assertFalse(normal.out.contains("try --spike-margin 0"), normal.out);
  }

  @Test
  void theBuiltInModelSeesSimulatedMotionRightAndDownInImageAxes() throws IOException {
    JsonNode r = detect(right, "--json");
    assertEquals(0.0, r.get("dominant_direction_deg").asDouble(), 1e-9, r.toString());
    assertEquals(160.0, r.get("dominant_speed_px_s").asDouble(), 1e-9);
    JsonNode d = detect(down, "--json");
    assertEquals(90.0, d.get("dominant_direction_deg").asDouble(), 1e-9, "+y is down, +90 deg: " + d);
    assertEquals("observed", d.get("size_from").asText(), "text files declare no size");
  }

  @Test
  void jsonHasTheDocumentedKeysAndWindows() throws IOException {
    JsonNode r = detect(right, "--json", "--window-ms", "40");
    for (String key : new String[] {"events", "duration_s", "dominant_direction_deg", "dominant_speed_px_s", "windows"}) {
      assertTrue(r.has(key), key + " in " + r);
    }
    assertTrue(r.get("events").asLong() > 10_000);
    assertEquals(0.2, r.get("duration_s").asDouble(), 0.01);
    JsonNode windows = r.get("windows");
    assertTrue(windows.size() >= 5, windows.toString());
    assertEquals(0.0, windows.get(0).get("t_start_s").asDouble());
    assertEquals(0.04, windows.get(1).get("t_start_s").asDouble(), 1e-12);
    long events = 0;
    for (JsonNode w : windows) {
      assertTrue(w.has("direction_deg"), w.toString());
      events += w.get("events").asLong();
    }
    assertEquals(r.get("events").asLong(), events, "every event is in one window");
  }

  @Test
  void textOutputPrintsTheHistogramAndPlotsAreWritten() throws IOException {
    Path png = dir.resolve("d.png");
    CliRun r = CliRun.of("motion", "detect", "--input", down.toString(), "--plot", png.toString());
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("spikes per direction"), r.out);
    assertTrue(r.out.contains("dominant direction: 90 deg"), r.out);
    assertTrue(Files.size(png) > 1000);
  }

  @Test
  void aTrainedModelFileCanBeGiven() throws IOException {
    Path model = dir.resolve("m.json");
    CliRun t = CliRun.of("motion", "train", "--out", model.toString(), "--directions", "4", "--speeds", "1", "--movies", "8",
        "--samples-per-movie", "20", "--size", "32", "--epochs", "1", "--delays", "4", "--bin-us", "5000", "--radius", "1",
        "--cell", "8");
    assertEquals(0, t.code, t.err);
    JsonNode r = detect(right, "--model", model.toString(), "--json");
    assertEquals(4, r.get("model_classes").asInt());
  }

  @Test
  void badInputExitsTwoWithOneLine() throws IOException {
    Path badModel = dir.resolve("bad.json");
    Files.writeString(badModel, "{\"format\": \"ganglion-motion-model\", \"version\": 9}");
    Path huge = dir.resolve("huge.txt"); // no declared size: its events' extent, 65536 x 65536 px
    Files.writeString(huge, "0.000001 65535 65535 1\n0.000002 3 3 0\n");
    Path gap = dir.resolve("gap.txt"); // 10,000 s between two events: 200,000 windows of 50 ms
    Files.writeString(gap, "0.000001 3 3 1\n10000.0 4 4 0\n");
    String[][] cases = {
      {"--input", dir.resolve("missing.raw").toString()},
      {"--input", right.toString(), "--model", badModel.toString()},
      {"--input", right.toString(), "--width", "64"},
      {"--input", right.toString(), "--window-ms", "0"},
      {"--input", right.toString(), "--plot", dir.resolve("p.gif").toString()},
      {"--input", right.toString(), "--format", "avi"},
      {"--input", right.toString(), "--spike-margin", "-1"},
      {"--input", right.toString(), "--width", "10", "--height", "10"},
      {"--input", huge.toString()},
      {"--input", gap.toString()},
      {"--input", right.toString(), "--window-ms", "0.5"},
      {"--input", right.toString(), "--width", "65536", "--height", "65536"},
    };
    for (String[] c : cases) {
      String[] args = new String[c.length + 2];
      args[0] = "motion";
      args[1] = "detect";
      System.arraycopy(c, 0, args, 2, c.length);
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code, String.join(" ", c) + " -> " + r.err);
      assertFalse(r.err.strip().contains("\n"), "one line: " + r.err);
      assertFalse(r.err.contains("Exception"), r.err);
    }
  }

  @Test
  void anEventOutsideTheFormatsSizeNamesTheFormatNotOptionsThatWereNotGiven() throws IOException {
    Path bin = dir.resolve("digit.bin"); // one N-MNIST record (5 bytes) at x = 160: beyond the format's 34 x 34
    Files.write(bin, new byte[] {(byte) 160, 20, 0, 0, 10});
    CliRun r = CliRun.of("motion", "detect", "--input", bin.toString());
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains("N-MNIST format") && !r.err.contains("options"), r.err);
  }

  @Test
  void eventsOutOfTimeOrderAreRefusedWithTheToleranceToPassAndAcceptedWithIt() throws IOException {
    // the same recording with one line 3 ms back in time (sensor timestamp jitter beyond the default 1 ms)
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(down));
    int i = lines.size() / 2;
    String[] f = lines.get(i).split(" ");
    long tUs = Math.round(Double.parseDouble(f[0]) * 1e6);
    lines.add(i + 1, String.format(java.util.Locale.ROOT, "%.6f %s %s %s", (tUs - 3_000) / 1e6, f[1], f[2], f[3]));
    Path jittery = dir.resolve("jittery.txt");
    Files.write(jittery, lines);
    CliRun refused = CliRun.of("motion", "detect", "--input", jittery.toString());
    assertEquals(2, refused.code);
    assertEquals(1, refused.err.strip().lines().count(), refused.err);
    assertTrue(refused.err.contains(jittery + ": line " + (i + 2) + ": event time " + (tUs - 3_000) + " us goes back 3000 us"),
        refused.err);
    assertTrue(refused.err.contains("pass --time-tolerance-us 3000 (or more)"), refused.err);
    JsonNode accepted = detect(jittery, "--time-tolerance-us", "3000", "--json");
    assertTrue(accepted.isObject());
    assertEquals(2, CliRun.of("motion", "detect", "--input", jittery.toString(), "--time-tolerance-us", "-1").code);
  }
}
