package io.ganglion.firmware.runtime;

/**
 * The outcomes of a task's latest N releases, miss or not, and how many of them missed: the
 * failsafe's miss-rate rule (a task that misses M of its latest N releases trips
 * {@code DEADLINE_MISS} even when it never misses five in a row). A ring of N bits, one per
 * release, oldest overwritten; allocation-free.
 *
 * <pre>
 *   misses = sum over the latest min(N, releases) outcomes of (outcome is a miss)
 * </pre>
 */
final class MissWindow {

  /** The largest window: 2^20 releases (128 KB of bits). */
  static final int MAX_RELEASES = 1 << 20;

  private final long[] bits;
  private final int size;
  /** Where the next outcome goes. */
  private int next;
  /** Outcomes held, up to {@link #size}. */
  private int held;
  private int misses;

  MissWindow(int releases) {
    if (releases < 1 || releases > MAX_RELEASES) {
      throw new IllegalArgumentException("miss window must hold 1.." + MAX_RELEASES + " releases, got " + releases);
    }
    this.size = releases;
    this.bits = new long[(releases + 63) >>> 6];
  }

  /** Appends one release's outcome. */
  void push(boolean miss) {
    int i = next;
    long bit = 1L << i;
    int word = i >>> 6;
    if (held == size) {
      misses -= (int) ((bits[word] >>> i) & 1); // the oldest outcome leaves
    } else {
      held++;
    }
    if (miss) {
      bits[word] |= bit;
      misses++;
    } else {
      bits[word] &= ~bit;
    }
    next = i + 1 == size ? 0 : i + 1;
  }

  /** Appends {@code count} missed releases (a window's worth at most: the rest would only replace them). */
  void pushMisses(long count) {
    for (long k = Math.min(count, size); k > 0; k--) {
      push(true);
    }
  }

  /** Turns the latest outcome into a miss (the on-time run found to have overrun); no-op when empty or already a miss. */
  void markLatestMissed() {
    if (held == 0) {
      return;
    }
    int i = next == 0 ? size - 1 : next - 1;
    long bit = 1L << i;
    int word = i >>> 6;
    if ((bits[word] & bit) == 0) {
      bits[word] |= bit;
      misses++;
    }
  }

  /** Misses among the latest {@link #releases()} outcomes. */
  int misses() {
    return misses;
  }

  /** Outcomes held: the releases so far, up to the window's size. */
  int releases() {
    return held;
  }

  int size() {
    return size;
  }

  void clear() {
    java.util.Arrays.fill(bits, 0L);
    next = 0;
    held = 0;
    misses = 0;
  }
}
