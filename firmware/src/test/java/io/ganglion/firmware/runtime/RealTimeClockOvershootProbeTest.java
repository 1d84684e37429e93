package io.ganglion.firmware.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How late a thread wakes up on this machine, which sets the default spin window of
 * {@link RealTimeClock}: {@code LockSupport.parkNanos(800 us)} alone, then
 * {@code RealTimeClock.sleepUntil} with 0, 100 and 200 us of spinning, 3000 waits each. Prints the
 * distributions (surefire's output file); no timing assertion. Command (docs/firmware.md):
 * {@code mvn -q -B -pl firmware -am test -Pslow -Dtest=RealTimeClockOvershootProbeTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("slow")
class RealTimeClockOvershootProbeTest {

  private static final int N = 3000;
  private static final long WAIT_NANOS = 800_000L;

  private static String describe(String what, long[] lateNanos) {
    long[] s = lateNanos.clone();
    Arrays.sort(s);
    return String.format(java.util.Locale.ROOT, "%-28s late by (us): p50 %.1f, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f",
        what, s[N / 2] / 1e3, s[N * 9 / 10] / 1e3, s[N * 99 / 100] / 1e3, s[N * 999 / 1000] / 1e3, s[N - 1] / 1e3);
  }

  @Test
  void wakeUpLateness() {
    long[] late = new long[N];
    for (int i = 0; i < N; i++) {
      long t0 = System.nanoTime();
      LockSupport.parkNanos(WAIT_NANOS);
      late[i] = System.nanoTime() - t0 - WAIT_NANOS;
    }
    System.out.println(describe("parkNanos only", late));
    for (long spin : new long[] {0, 100_000L, 200_000L}) {
      RealTimeClock clock = new RealTimeClock(spin);
      for (int i = 0; i < N; i++) {
        long deadline = clock.nanoTime() + WAIT_NANOS;
        clock.sleepUntil(deadline);
        late[i] = clock.nanoTime() - deadline;
        assertTrue(late[i] >= 0);
      }
      System.out.println(describe("sleepUntil, spin " + spin / 1000 + " us", late));
    }
  }
}
