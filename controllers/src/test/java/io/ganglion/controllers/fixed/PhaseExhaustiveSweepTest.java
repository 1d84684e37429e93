package io.ganglion.controllers.fixed;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** sin and cos within the documented bound at every one of the 2^32 phases (several minutes: tag slow). */
@Tag("slow")
class PhaseExhaustiveSweepTest {

  @Test
  void sinAndCosStayWithinTheDocumentedBoundAtEveryPhase() {
    double maxSin = 0;
    double maxCos = 0;
    for (long p = 0; p < (1L << 32); p++) {
      maxSin = Math.max(maxSin, PhaseTest.sinError((int) p));
      maxCos = Math.max(maxCos, PhaseTest.cosError((int) p));
    }
    assertTrue(maxSin <= Phase.SIN_MAX_ABS_ERROR, "sin max error " + maxSin);
    assertTrue(maxCos <= Phase.SIN_MAX_ABS_ERROR, "cos max error " + maxCos);
  }
}
