package io.ganglion.telemetry.fuzz;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import org.junit.jupiter.api.Test;

class FuzzRunOptionsTest {

  @Test
  void aTimeoutWhoseDeadlineWouldOverflowIsRefusedNotReportedAsAFailedRun() {
    // 10^10 s: System.nanoTime() + 10^19 ns wrapped, so the run ended at once and said FAILED
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new FuzzRun.Options(10, 1, 0.3, 10_000_000_000L));
    assertTrue(e.getMessage().contains("--timeout must be 1..86400 s"), e.getMessage());
    new FuzzRun.Options(10, 1, 0.3, FuzzRun.Options.MAX_TIMEOUT_SECONDS);
  }
}
