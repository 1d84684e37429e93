package io.ganglion.firmware.cli.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckCommandTest {

  @Test
  void aGoodFilePrintsOkAndItsSummary() {
    CliRun r = new CliRun("config", "check", "examples/swimmer6.yaml");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.startsWith("ok: examples/swimmer6.yaml"), r.out);
    assertTrue(r.out.contains("board swimmer6, law ncap (params ncap6.yaml), 5 joints"), r.out);
    assertTrue(r.out.contains("tasks: encoders 250 Hz, imu 200 Hz, controller 33.33 Hz (30 ms), servo 1000 Hz, telemetry 50 Hz"),
        r.out);
  }

  @Test
  void jsonGivesTheSameFacts() throws Exception {
    CliRun r = new CliRun("config", "check", "examples/diffdrive.yaml", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertTrue(j.get("ok").asBoolean());
    assertEquals("diffdrive1", j.get("board").asText());
    assertEquals("drive", j.get("law").asText());
    assertEquals(2, j.get("joints").asInt());
    assertEquals(1_000_000L, j.get("tasks").get("servo").get("period_ns").asLong());
    assertEquals(50.0, j.get("tasks").get("controller").get("rate_hz").asDouble());
  }

  @Test
  void mistakesArePrintedOnePerLineAndExitTwo(@TempDir Path dir) throws Exception {
    String yaml = Files.readString(Path.of("examples/diffdrive.yaml"))
        .replace("channel: 1", "channel: 16")
        .replace("pin: 17", "pin: 17\n  pul: up");
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, yaml);
    CliRun r = new CliRun("config", "check", f.toString());
    assertEquals(2, r.code);
    assertEquals("", r.out);
    String[] lines = r.err.strip().split("\n");
    assertEquals(3, lines.length, r.err);
    assertTrue(lines[0].startsWith(f + ": joints[1].channel: 16 is out of range"), lines[0]);
    assertTrue(lines[1].startsWith(f + ": estop.pul: unknown key (did you mean 'pull'?)"), lines[1]);
    assertEquals("2 mistakes in " + f, lines[2]);
    CliRun j = new CliRun("config", "check", f.toString(), "--json");
    assertEquals(2, j.code);
    JsonNode node = new ObjectMapper().readTree(j.out);
    assertEquals(2, node.get("errors").size());
  }

  @Test
  void aMissingFileIsAUsageError() {
    CliRun r = new CliRun("config", "check", "nope.yaml");
    assertEquals(2, r.code);
    assertTrue(r.err.contains("config file nope.yaml does not exist"), r.err);
  }

  @Test
  void aBinaryOrNonUtf8FileIsOneLineNamingTheByteOffsetAndExitTwo(@TempDir Path dir) throws Exception {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "board: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    CliRun r = new CliRun("config", "check", latin1.toString());
    assertEquals(2, r.code);
    assertEquals("", r.out);
    assertEquals("ganglion: config file " + latin1 + " is not a UTF-8 text YAML file (byte offset 10: byte 0xE9 is not"
        + " valid UTF-8); give a board file saved as UTF-8 text (examples in firmware/examples/)", r.err.strip());
    Path binary = dir.resolve("board.bin");
    Files.write(binary, new byte[] {'b', 'o', 'a', 'r', 'd', 0, 1, 2, 3});
    CliRun b = new CliRun("config", "check", binary.toString(), "--json");
    assertEquals(2, b.code);
    assertEquals(1, b.err.strip().lines().count(), b.err);
    assertTrue(b.err.contains("is not a UTF-8 text YAML file (byte offset 5: a NUL byte"), b.err);
  }
}
