package io.ganglion.firmware.cli.fixedpoint;

import io.ganglion.firmware.cli.GanglionMain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.controllers.fixed.FixedMath;
import io.ganglion.controllers.fixed.Phase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ganglion fixed-point errors}, run in-process: the table, its JSON keys and its usage errors. */
class FixedPointErrorsCommandTest {

  /**
   * One in-process run. The summary goes to System.out (Summary prints there), so System.out is
   * captured, from before the command line is built: picocli's subcommand help writes to the
   * System.out of that moment. Errors go to picocli's err writer.
   */
  private static final class Run {
    final int code;
    final String out;
    final String err;

    Run(String... args) {
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      PrintStream original = System.out;
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      StringWriter e = new StringWriter();
      StringWriter o = new StringWriter();
      try {
        CommandLine cmd = GanglionMain.commandLine();
        cmd.setOut(new PrintWriter(o));
        cmd.setErr(new PrintWriter(e));
        code = cmd.execute(args);
      } finally {
        System.out.flush();
        System.setOut(original);
      }
      out = o + stdout.toString(StandardCharsets.UTF_8);
      err = e.toString();
    }
  }

  private static final String[] FAST = {"--phase-stride", "65537", "--samples", "20000"};

  private static String[] args(String... first) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(FAST));
    return all.toArray(String[]::new);
  }

  @Test
  void jsonListsEveryFunctionWithItsErrorWithinTheDocumentedBound() throws Exception {
    Run r = new Run(args("fixed-point", "errors", "--json"));
    assertEquals(0, r.code, r.err);
    JsonNode root = new ObjectMapper().readTree(r.out);
    JsonNode functions = root.get("functions");
    assertEquals(9, functions.size(), r.out);
    Map<String, Double> bounds = Map.of(
        "Q16.mul", 0x1p-17, "Q16.div", 0x1p-17, "Q16.mulAdd", 0x1p-17, "Q16.fromDouble", 0x1p-17,
        "Phase.sin", Phase.SIN_MAX_ABS_ERROR, "Phase.cos", Phase.SIN_MAX_ABS_ERROR,
        "FixedMath.exp", FixedMath.EXP_MAX_ABS_ERROR, "FixedMath.sigmoid", FixedMath.SIGMOID_MAX_ABS_ERROR,
        "FixedMath.tanh", FixedMath.TANH_MAX_ABS_ERROR);
    for (JsonNode f : functions) {
      for (String key : List.of("function", "domain", "points", "max_abs_error", "at_input")) {
        assertTrue(f.has(key), key + " missing in " + f);
      }
      String name = f.get("function").asText();
      assertTrue(bounds.containsKey(name), name);
      assertTrue(f.get("max_abs_error").asDouble() <= bounds.get(name), f.toString());
      assertTrue(f.get("max_abs_error").asDouble() > 0, f.toString());
      assertTrue(f.get("points").asLong() > 0, f.toString());
    }
    assertEquals(65537, root.get("phase_stride").asInt());
    assertTrue(root.get("exp_relative_error").get("max_rel_error").asDouble() <= 0x1p-17, r.out);
  }

  @Test
  void textFormPrintsATableWithAHeaderAndOneLinePerFunction() {
    Run r = new Run(args("fixed-point", "errors"));
    assertEquals(0, r.code, r.err);
    List<String> lines = r.out.lines().toList();
    assertTrue(lines.get(0).startsWith("function"), r.out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("FixedMath.tanh ")), r.out);
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("exp relative")), r.out);
  }

  @Test
  void aZeroPhaseStrideIsAUsageErrorWithOneLine() {
    Run r = new Run("fixed-point", "errors", "--phase-stride", "0");
    assertEquals(2, r.code);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains("--phase-stride must be at least 1"), r.err);
  }

  @Test
  void zeroRandomSamplesIsAUsageErrorNotARowWithAnErrorOfMinusOne() {
    Run r = new Run("fixed-point", "errors", "--phase-stride", "65537", "--samples", "0");
    assertEquals(2, r.code, r.out);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains("--samples must be at least 1"), r.err);
    assertEquals("", r.out);
  }

  @Test
  void fixedPointWithoutASubcommandIsAUsageErrorAndHelpListsErrors() {
    assertEquals(2, new Run("fixed-point").code);
    Run help = new Run("fixed-point", "--help");
    assertEquals(0, help.code);
    assertTrue(help.out.contains("errors"), help.out);
    assertTrue(new Run("--help").out.contains("fixed-point"));
  }
}
