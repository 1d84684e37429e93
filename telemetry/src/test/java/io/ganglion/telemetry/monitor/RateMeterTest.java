package io.ganglion.telemetry.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RateMeterTest {

  private static final long MS = 1_000_000L;

  @Test
  void steadyArrivalsGiveTheirRateOverTheWindow() {
    RateMeter r = new RateMeter();
    long t = 1_000_000 * MS;
    // 250 messages/s of 200 samples for 5 s
    for (int i = 0; i < 1250; i++) {
      r.add(t + i * 4 * MS, 200);
    }
    long now = t + 5_000 * MS;
    assertEquals(250, r.messagesPerSecond(now), 250 * 0.06);
    assertEquals(50_000, r.samplesPerSecond(now), 50_000 * 0.06);
  }

  @Test
  void aStreamThatStoppedDecaysToZeroAfterTheWindow() {
    RateMeter r = new RateMeter();
    long t = 5_000 * MS;
    for (int i = 0; i < 100; i++) {
      r.add(t + i * 10 * MS, 1);
    }
    assertEquals(0, r.messagesPerSecond(t + 1_000 * MS + 2_100 * MS));
  }

  @Test
  void aYoungStreamIsDividedByItsAgeNotTheWholeWindow() {
    RateMeter r = new RateMeter();
    long t = 7_000 * MS;
    for (int i = 0; i < 50; i++) {
      r.add(t + i * 10 * MS, 1); // 100/s for 0.5 s
    }
    assertEquals(100, r.messagesPerSecond(t + 500 * MS), 3);
  }

  @Test
  void nothingReceivedIsZero() {
    assertEquals(0, new RateMeter().samplesPerSecond(123 * MS));
  }
}
