package io.ganglion.drivers.events;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Decodes a live stream of EVT 2.0 words (receive thread) into an {@link EventRing}. Unlike the
 * file reader it never throws: out-of-range coordinates count as malformed, events too far back in
 * time as out of order, and both are dropped; a full ring drops and counts. A TIME_HIGH more than
 * {@link #RESTART_US} behind the latest event marks a restart of the sender: the time order starts
 * afresh (counted in {@link #restarts}) and the ring gets a stream mark ({@link EventRing#markStreamStart}).
 *
 * <p>Counters are plain fields of the receive thread, copied to volatile ones by {@link #publish}
 * (once per received chunk) for the loop thread to read.
 */
final class Evt2StreamDecoder {

  /**
   * A TIME_HIGH more than this (us) behind the latest event time means the sender restarted its
   * clock: a new stream. A jump back below it and beyond the tolerance is dropped as out of order.
   */
  static final long RESTART_US = 1_000_000;

  private static final VarHandle LE_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private final EventRing ring;
  private final EventGuard guard;
  private final Evt2TimeBase time = new Evt2TimeBase();

  private long skipped;
  private long malformed;
  private long outOfOrder;
  private long dropped;
  private long restarts;

  volatile long publishedSkipped;
  volatile long publishedMalformed;
  volatile long publishedOutOfOrder;
  volatile long publishedDropped;
  volatile long publishedRestarts;
  volatile long publishedJitter;
  volatile long publishedLostMarks;

  Evt2StreamDecoder(EventRing ring, SensorSize size, long toleranceUs) {
    this.ring = ring;
    this.guard = new EventGuard(size, "the stream config", Evt2Words.COORD_LIMIT, Evt2Words.COORD_LIMIT, toleranceUs);
  }

  /**
   * A new stream (a connection, a sender back after a silence): wait for a TIME_HIGH, start the
   * time order afresh, and mark the ring so that the loop takes the new stream's events apart.
   */
  void startStream() {
    time.reset();
    guard.resetTimeOrder();
    ring.markStreamStart();
    ring.publish(); // seen at once: the previous stream is over even if this one sends nothing yet
  }

  /**
   * A sender back after a silence: a new stream with its own time order (marked in the ring), but
   * the time base carries over (a datagram need not start with a TIME_HIGH).
   */
  void resumeAfterSilence() {
    guard.resetTimeOrder();
    ring.markStreamStart();
  }

  /** Counts malformed input found outside the word decoding (partial words, bad datagrams, bad headers). */
  void countMalformed() {
    malformed++;
  }

  /** Decodes {@code len / 4} little-endian words from {@code b[off..]} ({@code len} a multiple of 4). */
  void decode(byte[] b, int off, int len) {
    final int end = off + len;
    for (int pos = off; pos < end; pos += 4) {
      int w = (int) LE_INT.get(b, pos);
      int type = w >>> 28;
      if (type <= Evt2Words.CD_ON) {
        if (!time.isSet()) {
          skipped++;
          continue;
        }
        int x = (w >>> 11) & 0x7FF;
        int y = w & 0x7FF;
        long t = guard.accept(x, y, time.highUs | ((w >>> 22) & 0x3F));
        if (t == EventGuard.OUT_OF_BOUNDS) {
          malformed++;
        } else if (t == EventGuard.TOO_FAR_BACK) {
          outOfOrder++;
        } else if (!ring.offer(x, y, t, (byte) type)) {
          dropped++;
        }
      } else if (type == Evt2Words.TIME_HIGH) {
        time.onTimeHigh(w);
        if (guard.lastTUs - time.highUs > RESTART_US) {
          guard.resetTimeOrder();
          ring.markStreamStart();
          restarts++;
        }
      } else {
        skipped++;
      }
    }
  }

  /** Makes the decoded events and the counters visible to the loop thread. */
  void publish() {
    publishedSkipped = skipped;
    publishedMalformed = malformed;
    publishedOutOfOrder = outOfOrder;
    publishedDropped = dropped;
    publishedRestarts = restarts;
    publishedJitter = guard.jitterClamped;
    publishedLostMarks = ring.lostMarks();
    ring.publish();
  }
}
