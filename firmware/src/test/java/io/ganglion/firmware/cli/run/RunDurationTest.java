package io.ganglion.firmware.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.firmware.cli.CliRun;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code --duration} shorter than the loop's nanosecond resolution rounded to 0 ns, which the
 * session takes as "no duration: until Ctrl-C": a virtual-time mock run never ended.
 */
class RunDurationTest {

  @ParameterizedTest
  @ValueSource(strings = {"1e-10", "4.9e-324"})
  void aDurationBelowOneNanosecondIsRefusedInOneLineInsteadOfRunningUntilStopped(String seconds) {
    CliRun r = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new CliRun("run", "--config",
        "examples/diffdrive.yaml", "--mock", "--virtual-time", "--duration", seconds));
    assertEquals(2, r.code, r.out + r.err);
    assertEquals(1, r.err.strip().lines().count(), r.err);
    assertTrue(r.err.contains("--duration"), r.err);
    assertEquals("", r.out);
  }
}
