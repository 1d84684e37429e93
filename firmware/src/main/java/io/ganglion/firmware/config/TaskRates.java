package io.ganglion.firmware.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The period of each configured task in integer nanoseconds ({@code rate_hz: 1000} is 1,000,000 ns;
 * {@code period_ms: 30} is 30,000,000 ns; a rate is converted as round(1e9 / rate)).
 */
public final class TaskRates {

  private final Map<TaskKind, Long> periods;

  public TaskRates(Map<TaskKind, Long> periods) {
    EnumMap<TaskKind, Long> copy = new EnumMap<>(TaskKind.class);
    copy.putAll(periods);
    this.periods = Collections.unmodifiableMap(copy);
  }

  /** Whether {@code kind} is configured. */
  public boolean has(TaskKind kind) {
    return periods.containsKey(kind);
  }

  /** The period of {@code kind} in ns, or 0 when the task is not configured. */
  public long periodNanos(TaskKind kind) {
    Long p = periods.get(kind);
    return p == null ? 0 : p;
  }

  /** The configured tasks and their periods, in {@link TaskKind} order. */
  public Map<TaskKind, Long> periods() {
    return periods;
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<TaskKind, Long> e : periods.entrySet()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(e.getKey().key()).append(' ').append(describe(e.getValue()));
    }
    return b.toString();
  }

  /** "1000 Hz" or "33.33 Hz (30 ms)" for a period. */
  public static String describe(long periodNanos) {
    double hz = 1e9 / periodNanos;
    if (Math.abs(hz - Math.rint(hz)) < 1e-9) {
      return String.format(java.util.Locale.ROOT, "%.0f Hz", hz);
    }
    return String.format(java.util.Locale.ROOT, "%.2f Hz (%s ms)", hz, YamlObject.fmt(periodNanos / 1e6));
  }
}
