package io.ganglion.telemetry.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Thread-safe counts of rejected payloads, one per {@link RejectReason}. Receivers count every
 * rejection here instead of throwing into an MQTT callback.
 */
public final class RejectCounters {

  private final AtomicLongArray counts = new AtomicLongArray(RejectReason.values().length);

  /** Counts one rejection. */
  public void increment(RejectReason reason) {
    counts.incrementAndGet(reason.ordinal());
  }

  /** Rejections for {@code reason}. */
  public long count(RejectReason reason) {
    return counts.get(reason.ordinal());
  }

  /** All rejections. */
  public long total() {
    long sum = 0;
    for (int i = 0; i < counts.length(); i++) {
      sum += counts.get(i);
    }
    return sum;
  }

  /** The non-zero counts by {@link RejectReason#key()}, in enum order. */
  public Map<String, Long> snapshot() {
    Map<String, Long> map = new LinkedHashMap<>();
    for (RejectReason r : RejectReason.values()) {
      long c = counts.get(r.ordinal());
      if (c != 0) {
        map.put(r.key(), c);
      }
    }
    return map;
  }
}
