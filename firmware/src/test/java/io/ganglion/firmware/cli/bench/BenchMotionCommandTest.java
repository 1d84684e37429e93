package io.ganglion.firmware.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventSpeedFiles;
import io.ganglion.firmware.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMotionCommandTest {

  private static JsonNode json(CliRun r) throws Exception {
    assertEquals(0, r.code, r.err);
    return new ObjectMapper().readTree(r.out);
  }

  @Test
  void measuresTheDetectorAndAReaderAgainstTheirBaselinesWithoutAllocatingPerEvent() throws Exception {
    JsonNode j = json(CliRun.of("bench", "motion", "--in-process", "--json", "--kernels", "1%", "--formats", "evt2",
        "--events", "8192", "--reader-events", "20000", "--rounds", "3", "--warmup", "6"));
    JsonNode k = j.get("detector").get(0);
    assertEquals("1%", k.get("kernel").asText());
    assertEquals(144, k.get("non_zero_weights").asLong(), "1% of the paper model's 14,400 weights");
    double median = k.get("mev_s_median").asDouble();
    assertTrue(k.get("mev_s_min").asDouble() <= median && median <= k.get("mev_s_max").asDouble());
    assertTrue(median > 0 && k.get("plain_pass_mev_s").asDouble() > 0);
    assertEquals(median / k.get("plain_pass_mev_s").asDouble(), k.get("ratio_to_plain_pass").asDouble(), 1e-9);
    assertTrue(k.get("bytes_per_event").asDouble() < 0.01, "the detector allocates nothing per event: " + k);
    JsonNode reader = j.get("readers").get(0);
    assertEquals("evt2", reader.get("format").asText());
    assertTrue(reader.get("bytes_per_event").asDouble() < 0.01, "the reader allocates only when opening: " + reader);
    assertTrue(reader.get("bytes_per_open").asLong() > 0);
    assertTrue(j.get("goals_met").has(">= 20 Mev/s per reader"));
    assertEquals(3, j.get("rounds").asInt());
  }

  @Test
  void eachKernelRunsInAJvmOfItsOwnByDefault() throws Exception {
    CliRun r = CliRun.of("bench", "motion", "--kernels", "5%,1%", "--formats", "none", "--events", "8192",
        "--rounds", "1", "--warmup", "0");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("one JVM per kernel"), r.out);
    assertTrue(r.out.contains("5%") && r.out.contains("1%") && r.out.contains("goals (medians)"), r.out);
    assertTrue(r.out.lines().count() <= 12, "a summary that fits a screen:\n" + r.out);
  }

  @Test
  void measuresTheKernelsOnARecordingToo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("rec.raw");
    EventSpeedFiles.write(file, EventFormat.EVT2, 10_000);
    // 30,000 events in 2 ms on a 5 x 5 px patch: the neuron of that cell runs to the int range
    Path burst = dir.resolve("burst.txt");
    StringBuilder text = new StringBuilder("16 16\n");
    for (int i = 0; i < 30_000; i++) {
      text.append(String.format(java.util.Locale.ROOT, "%.6f %d %d %d%n", i / 15_000_000.0, 2 + i % 5, 2 + (i / 5) % 5,
          (i / 25) % 2));
    }
    java.nio.file.Files.writeString(burst, text);
    JsonNode j = json(CliRun.of("bench", "motion", "--in-process", "--json", "--kernels", "1%,5%", "--formats", "none",
        "--events", "8192", "--rounds", "1", "--warmup", "3", "--recording", file.toString(), "--recording",
        burst.toString()));
    JsonNode rows = j.get("recordings");
    assertEquals(4, rows.size(), rows.toString());
    for (int i = 0; i < 4; i++) {
      JsonNode r = rows.get(i);
      assertEquals(i < 2 ? "rec.raw" : "burst.txt", r.get("file").asText());
      assertEquals(i < 2 ? 10_000 : 30_000, r.get("events").asInt());
      assertEquals(i % 2 == 0 ? "1%" : "5%", r.get("kernel").asText());
      assertTrue(r.get("mev_s_median").asDouble() > 0, r.toString());
      assertTrue(r.get("bytes_per_event").asDouble() < 0.01, "nothing allocated per event: " + r);
      assertEquals(false, r.get("truncated").asBoolean());
    }
    assertEquals(16, rows.get(2).get("width").asInt(), "the size the text file declares");
    JsonNode spread = rows.get(1);
    assertEquals(0.0, spread.get("checked_share").asDouble(), "random events: no neuron near the int range " + spread);
    assertEquals(0, spread.get("saturations").asLong());
    JsonNode hot = rows.get(3);
    double checked = hot.get("checked_share").asDouble();
    assertTrue(checked > 0 && checked < 1, "the burst's neuron reaches the int range: " + hot);
    assertTrue(hot.get("saturations").asLong() > 0, hot.toString());
    assertEquals(2, j.get("detector").size(), "the simulated stream is still measured");
  }

  @Test
  void aMalformedRecordingIsTheUsersErrorEvenWhenAChildJvmFindsIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cut.raw");
    java.nio.file.Files.write(file, new byte[] {1, 2, 3, 4, 5, 6, 7}); // EVT 2.0 words are 4 bytes: cut short
    CliRun r = CliRun.of("bench", "motion", "--kernels", "5%,1%", "--formats", "none", "--events", "8192",
        "--rounds", "1", "--warmup", "0", "--recording", file.toString());
    assertEquals(2, r.code, r.err);
    String last = r.err.strip().substring(r.err.strip().lastIndexOf('\n') + 1);
    assertTrue(last.startsWith("ganglion: ") && last.contains("cut.raw") && last.contains("byte"), r.err);
    assertTrue(!r.err.contains("internal error"), r.err);

    Path huge = dir.resolve("huge.txt"); // no declared size: the extent of its events, 65536 x 65536 px
    java.nio.file.Files.writeString(huge, "0.000001 65535 65535 1\n".repeat(5000));
    CliRun h = CliRun.of("bench", "motion", "--kernels", "5%,1%", "--formats", "none", "--events", "8192",
        "--rounds", "1", "--warmup", "0", "--recording", huge.toString());
    assertEquals(2, h.code, h.err);
    String line = h.err.strip().substring(h.err.strip().lastIndexOf('\n') + 1);
    assertTrue(line.contains("huge.txt") && line.contains("65536x65536"), h.err);
    assertTrue(!h.err.contains("internal error"), h.err);
  }

  @Test
  void theTimeToleranceReachesTheChildJvms(@TempDir Path dir) throws Exception {
    // 5,000 events, one of them 4 ms before the latest: refused with the default 1 ms tolerance
    StringBuilder text = new StringBuilder("32 32\n");
    for (int i = 0; i < 5_000; i++) {
      double tS = (i == 2_500 ? i - 4_000 : i) * 1e-6 + 0.01;
      text.append(String.format(java.util.Locale.ROOT, "%.6f %d %d %d%n", tS, i % 32, (i / 32) % 32, i % 2));
    }
    Path file = dir.resolve("jitter.txt");
    java.nio.file.Files.writeString(file, text);
    String[] args = {"bench", "motion", "--kernels", "5%,1%", "--formats", "none", "--events", "8192", "--rounds", "1",
        "--warmup", "0", "--recording", file.toString()};
    CliRun refused = CliRun.of(args);
    assertEquals(2, refused.code, refused.err);
    assertTrue(refused.err.contains("--time-tolerance-us"), refused.err);

    String[] tolerant = java.util.Arrays.copyOf(args, args.length + 2);
    tolerant[args.length] = "--time-tolerance-us";
    tolerant[args.length + 1] = "5000";
    CliRun ok = CliRun.of(tolerant);
    assertEquals(0, ok.code, ok.err);
    assertTrue(ok.out.contains("one JVM per kernel") && ok.out.contains("jitter.txt"), ok.out);
  }

  @Test
  void theChildJvmsStartTheCliItself() {
    assertEquals(io.ganglion.firmware.cli.GanglionMain.class.getName(), BenchMotionCommand.CLI_MAIN_CLASS);
  }

  @Test
  void badFlagsAreOneUsageErrorLine() {
    String[][] bad = {
      {"--kernels", "2%"},
      {"--formats", "mp4"},
      {"--rounds", "0"},
      {"--warmup", "-1"},
      {"--events", "100"},
      {"--reader-events", "5"},
      {"--formats", "none,evt2"},
      {"--kernels", "none", "--formats", "none"},
      {"--recording", "/nonexistent/rec.raw"},
      {"--kernels", "none", "--recording", "rec.raw"},
      {"--time-tolerance-us", "-1"},
    };
    for (String[] flags : bad) {
      String[] args = new String[flags.length + 3];
      args[0] = "bench";
      args[1] = "motion";
      args[2] = "--in-process";
      System.arraycopy(flags, 0, args, 3, flags.length);
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code, String.join(" ", flags) + ": " + r.err);
      assertTrue(r.err.contains(flags[0]), r.err);
      assertEquals(1, r.err.strip().lines().count(), r.err);
    }
  }
}
