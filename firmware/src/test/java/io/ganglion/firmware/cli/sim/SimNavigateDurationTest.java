package io.ganglion.firmware.cli.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.cli.CliRun;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code --seconds} shorter than the loop's nanosecond resolution rounded to a duration of 0,
 * which the firmware runs as "until stopped": in virtual time that never ended.
 */
class SimNavigateDurationTest {

  @ParameterizedTest
  @ValueSource(strings = {"1e-10", "4e-10", "4.9e-324"})
  void aDurationBelowOneNanosecondIsRefusedInOneLineInsteadOfRunningForever(String seconds) {
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new CliRun("sim", "navigate", "--seconds", seconds));
    assertEquals(2, r.code, r.out + r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains("--seconds"), r.err);
    assertEquals("", r.out);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e-9", "0.0005"})
  void aDurationOfAtLeastOneNanosecondRunsTheFirstPhysicsStep(String seconds) {
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new CliRun("sim", "navigate", "--seconds", seconds));
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("1 physics steps"), r.out);
  }
}
