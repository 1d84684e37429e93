package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MotionResultsWindowTest {

  @Test
  void windowsAreATenthOfTheRecordingBetween50And200Ms() {
    assertEquals(50_000, MotionResults.windowUsFor(170_000), "a 0.17 s recording: 50 ms windows");
    assertEquals(100_000, MotionResults.windowUsFor(1_069_000));
    assertEquals(200_000, MotionResults.windowUsFor(60_000_000), "a minute: 200 ms windows");
  }

  @Test
  void aRecordingOfHoursStillFitsTheWindowLimitOfDetection() {
    long tenHoursUs = 10L * 3600 * 1_000_000;
    long w = MotionResults.windowUsFor(tenHoursUs);
    assertTrue(tenHoursUs / w < RecordingDetection.MAX_WINDOWS, "window " + w + " us");
  }
}
