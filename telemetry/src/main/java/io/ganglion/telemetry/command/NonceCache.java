package io.ganglion.telemetry.command;

import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The nonces of accepted commands, each kept until the command's timestamp leaves the freshness
 * window (after which a replay is refused as stale anyway). Bounded: when {@code capacity} live
 * nonces are held, new commands are refused rather than forgetting a nonce early (which would let
 * a replay through). Not thread-safe (the verifier synchronizes).
 */
final class NonceCache {

  private record Entry(String nonce, long expiresMs) {}

  private final int capacity;
  private final Map<String, Long> live = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>((a, b) -> Long.compare(a.expiresMs, b.expiresMs));

  NonceCache(int capacity) {
    this.capacity = capacity;
  }

  /** Forgets nonces that expired at or before {@code nowMs}. */
  void expire(long nowMs) {
    while (!byExpiry.isEmpty() && byExpiry.peek().expiresMs <= nowMs) {
      Entry e = byExpiry.poll();
      Long current = live.get(e.nonce);
      if (current != null && current == e.expiresMs) {
        live.remove(e.nonce);
      }
    }
  }

  boolean contains(String nonce) {
    return live.containsKey(nonce);
  }

  boolean isFull() {
    return live.size() >= capacity;
  }

  void add(String nonce, long expiresMs) {
    live.put(nonce, expiresMs);
    byExpiry.add(new Entry(nonce, expiresMs));
  }

  int size() {
    return live.size();
  }
}
