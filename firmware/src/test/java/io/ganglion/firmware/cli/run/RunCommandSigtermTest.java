package io.ganglion.firmware.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.drivers.servo.Pca9685Registers;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code ganglion run --mock} in a child JVM, stopped with SIGTERM ({@link ProcessHandle#destroy()} on
 * Linux): the shutdown hook stops the loop, drives the outputs safe, closes the drivers and prints
 * the report; the JVM exits with 143 (128 + SIGTERM).
 */
class RunCommandSigtermTest {

  @Test
  void sigtermStopsTheLoopLeavesSafeOutputsAndPrintsTheReport() throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
        "io.ganglion.firmware.cli.GanglionMain", "run", "--config", "examples/swimmer6.yaml", "--mock", "--json")
        .start();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    List<String> errLines = Collections.synchronizedList(new ArrayList<>());
    Thread errReader = new Thread(() -> {
      try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = err.readLine()) != null) {
          errLines.add(line);
        }
      } catch (java.io.IOException e) {
        errLines.add("(stderr: " + e + ")");
      }
    });
    errReader.start();
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (errLines.stream().noneMatch(l -> l.contains("DISARMED -> ARMED")) && System.nanoTime() < deadline
        && p.isAlive()) {
      Thread.sleep(20);
    }
    assertTrue(errLines.stream().anyMatch(l -> l.contains("DISARMED -> ARMED")), "the child armed: " + errLines);
    Thread.sleep(300);
    // SIGTERM; Process.destroy() would also close our ends of the child's pipes, ProcessHandle's does not
    assertTrue(p.toHandle().destroy());
    assertTrue(p.waitFor(20, TimeUnit.SECONDS), "the child exited");
    errReader.join(5_000);
    assertEquals(143, p.exitValue(), "exit code after SIGTERM; stderr: " + errLines);
    JsonNode j = new ObjectMapper().readTree(out.get(5, TimeUnit.SECONDS));
    JsonNode events = j.get("failsafe").get("events");
    assertEquals("SHUTDOWN", events.get(events.size() - 1).get("reason").asText());
    assertTrue(j.get("tasks").get(3).get("runs").asLong() > 100, "the servo loop ran");
    BoardConfig config = BoardConfigLoader.load(Path.of("examples/swimmer6.yaml"));
    int counts = Pca9685Registers.countsFor(config.joints().get(0).pulseUs(0.0), config.pwm().prescale(),
        config.pwm().oscillatorHz());
    double safeUs = counts * Pca9685Registers.countDurationUs(config.pwm().prescale(), config.pwm().oscillatorHz());
    JsonNode registers = j.get("outputs").get("fake_pca9685_pulse_width_us");
    assertEquals(5, registers.size());
    for (JsonNode us : registers) {
      assertEquals(safeUs, us.asDouble(), 1e-9, "the fake PCA9685's registers hold the safe pulse width");
    }
    assertTrue(j.get("outputs").get("safe_applied").asBoolean());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
