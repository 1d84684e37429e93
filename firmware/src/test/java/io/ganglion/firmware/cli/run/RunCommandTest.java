package io.ganglion.firmware.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.firmware.cli.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunCommandTest {

  @Test
  void aMockRunInVirtualTimeReportsItsLoopStatisticsAsJson() throws Exception {
    CliRun r = new CliRun("run", "--config", "examples/swimmer6.yaml", "--mock", "--virtual-time", "--duration", "6",
        "--json");
    assertEquals(0, r.code, r.err);
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertEquals("swimmer6", j.get("board").asText());
    assertTrue(j.get("virtual_time").asBoolean());
    assertEquals(6.0, j.get("loop_s").asDouble(), 1e-9);
    List<String> names = new ArrayList<>();
    for (JsonNode t : j.get("tasks")) {
      names.add(t.get("name").asText());
      assertEquals(0, t.get("misses").asLong(), "virtual time never misses");
      assertEquals(0.0, t.get("jitter_us").get("max").asDouble(), "virtual time has no jitter");
    }
    assertEquals(List.of("encoders", "imu", "controller", "servo", "telemetry", "world"), names);
    assertEquals(6000, j.get("tasks").get(3).get("runs").asLong(), "servo: 6 s at 1 kHz");
    assertEquals(200, j.get("tasks").get(2).get("runs").asLong(), "controller: 6 s at 30 ms");
    JsonNode events = j.get("failsafe").get("events");
    assertEquals("AUTO_ARM", events.get(0).get("reason").asText());
    assertEquals("SHUTDOWN", events.get(events.size() - 1).get("reason").asText());
    assertEquals("DISARMED", j.get("failsafe").get("final_state").asText());
    assertTrue(j.get("outputs").get("safe_applied").asBoolean());
    assertEquals(6000, j.get("allocation").get("servo_ticks").asLong());
    assertTrue(j.get("allocation").get("steady_bytes_per_tick").isNumber(), "6 s is longer than the 5 s warm-up");
    assertTrue(j.get("world").get("nose_distance_m").asDouble() > 0.2, "the mock swimmer swam");
    assertTrue(r.err.contains("DISARMED -> ARMED: AUTO_ARM"), "transitions are logged on stderr: " + r.err);
  }

  @Test
  void theTextReportHasATableOfTasks() {
    CliRun r = new CliRun("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "1");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("start jitter p50/p99/p99.9/max us"), r.out);
    assertTrue(r.out.lines().anyMatch(l -> l.startsWith("servo ") && l.contains("1000 Hz") && l.contains(" 1000 ")), r.out);
    assertTrue(r.out.contains("outputs at exit: safe values"), r.out);
    assertTrue(r.out.contains("mock diffdrive:"), r.out);
  }

  @Test
  void noArmKeepsTheOutputsSafe() throws Exception {
    CliRun r = new CliRun("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "1",
        "--no-arm", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertEquals(0, j.get("failsafe").get("transitions").asLong());
    assertEquals(0.0, j.get("world").get("path_length_m").asDouble(), "the robot never moved");
    assertEquals(0.0, j.get("world").get("final_heading_deg").asDouble(), "nor turned");
  }

  @Test
  void usageMistakesExitTwoWithOneLine() {
    CliRun a = new CliRun("run", "--config", "examples/swimmer6.yaml", "--virtual-time", "--duration", "1");
    assertEquals(2, a.code);
    assertTrue(a.err.contains("--virtual-time needs --mock"), a.err);
    CliRun b = new CliRun("run", "--config", "examples/swimmer6.yaml", "--mock", "--duration", "-1");
    assertEquals(2, b.code);
    assertTrue(b.err.contains("--duration must be a positive number"), b.err);
    CliRun c = new CliRun("run", "--config", "examples/ncap6.yaml", "--mock");
    assertEquals(2, c.code);
    assertTrue(c.err.lines().allMatch(l -> l.startsWith("examples/ncap6.yaml: ")), c.err);
  }

  @Test
  void withoutMockOffABoardTheDriversSayToUseMock() {
    CliRun r = new CliRun("run", "--config", "examples/swimmer6.yaml", "--duration", "1");
    assertTrue(r.code == 1 || r.code == 2, "exit " + r.code + ": " + r.err);
    assertTrue(r.err.contains("--mock"), r.err);
  }

  @Test
  void ioMockIsResolvedBeforeVirtualTimeIsChecked() throws Exception {
    CliRun r = new CliRun("run", "--config", "examples/diffdrive.yaml", "--io", "mock", "--virtual-time", "--duration",
        "0.5", "--json");
    assertEquals(0, r.code, r.err);
    JsonNode j = new ObjectMapper().readTree(r.out);
    assertTrue(j.get("mock").asBoolean());
    assertTrue(j.get("virtual_time").asBoolean());
  }

  @Test
  void optionsThatDoNotApplyToHilAreRefused() {
    String[] hil = {"run", "--config", "examples/swimmer6-hil.yaml", "--io", "hil", "--broker", "tcp://127.0.0.1:1",
        "--session", "s1"};
    String[][] cases = {{"--duration", "5"}, {"--record", "x.tlog"}, {"--virtual-time"}, {"--log-telemetry"},
        {"--seed", "3"}};
    for (String[] extra : cases) {
      CliRun r = new CliRun(concat(hil, extra));
      assertEquals(2, r.code, String.join(" ", extra) + ": " + r.err);
      assertEquals(1, r.err.strip().lines().count(), r.err);
      assertTrue(r.err.contains(extra[0] + " does not apply to --io hil"), r.err);
    }
    CliRun mock = new CliRun(concat(hil, new String[] {"--mock"}));
    assertEquals(2, mock.code, mock.err);
    assertTrue(mock.err.contains("--mock contradicts --io hil"), mock.err);
  }

  @Test
  void hilOptionsWithoutHilAreRefused() {
    String[] run = {"run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "0.5"};
    for (String[] extra : new String[][] {{"--session", "s1"}, {"--link-timeout-ms", "100"}, {"--give-up-s", "3"}}) {
      CliRun r = new CliRun(concat(run, extra));
      assertEquals(2, r.code, r.err);
      assertTrue(r.err.contains(extra[0] + " only applies to --io hil"), r.err);
    }
    CliRun seed = new CliRun("run", "--config", "examples/diffdrive.yaml", "--io", "board", "--seed", "4", "--duration", "1");
    assertEquals(2, seed.code, seed.err);
    assertTrue(seed.err.contains("--seed only applies to a mock run"), seed.err);
  }

  @Test
  void hilGiveUpThatIsNotANumberOfSecondsIsRefused() {
    for (String bad : new String[] {"NaN", "Infinity", "-1"}) {
      CliRun r = new CliRun("run", "--config", "examples/diffdrive.yaml", "--io", "hil", "--broker", "tcp://127.0.0.1:1",
          "--session", "s1", "--give-up-s", bad);
      assertEquals(2, r.code, bad + ": " + r.err);
      assertEquals(1, r.err.strip().lines().count(), r.err);
      assertTrue(r.err.contains("--give-up-s must be a number of seconds in 0..1e7"), r.err);
    }
  }

  @Test
  void brokerEmbeddedIsRefusedSayingHowToStartOne() {
    CliRun r = new CliRun("run", "--config", "examples/swimmer6.yaml", "--mock", "--virtual-time", "--duration", "0.1",
        "--broker", "embedded");
    assertEquals(2, r.code, r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains("ganglion monitor --broker embedded"), r.err);
    assertEquals("", r.out);
  }

  @Test
  void aBrokerUrlWithoutSchemeSaysSo() {
    CliRun r = new CliRun("run", "--config", "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", "0.1",
        "--broker", "localhost");
    assertEquals(2, r.code, r.err);
    assertTrue(r.err.contains("broker URL 'localhost' has no scheme; give tcp://HOST:PORT"), r.err);
    assertFalse(r.err.contains("'null'"), r.err);
  }

  @Test
  void helpNamesTheAutoArmSettingAsTheBoardFileWritesIt() {
    CliRun r = new CliRun("run", "--help");
    assertEquals(0, r.code);
    String text = r.out.replaceAll("\\s+", " ");
    assertTrue(text.contains("unless --no-arm or the board file sets failsafe: {auto_arm: false}."), r.out);
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
