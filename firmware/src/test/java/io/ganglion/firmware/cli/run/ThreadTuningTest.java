package io.ganglion.firmware.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThreadTuningTest {

  @Test
  void nothingAskedNothingDone() {
    assertEquals(List.of(), ThreadTuning.apply(12345, -1, 0));
  }

  @Test
  void anUnknownThreadIdIsAWarningNotAnError() {
    List<String> w = ThreadTuning.apply(-1, 3, 50);
    assertEquals(1, w.size());
    assertTrue(w.get(0).contains("thread id is unknown"), w.get(0));
  }

  @Test
  void aFailingToolIsReportedWithItsCommand() {
    // no such thread: taskset exits non-zero (or is missing); either way one warning naming the setting
    List<String> w = ThreadTuning.apply(Integer.MAX_VALUE, 0, 0);
    assertEquals(1, w.size());
    assertTrue(w.get(0).startsWith("loop.pin_cpu 0: "), w.get(0));
  }
}
