package io.ganglion.telemetry.publish;

import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import io.ganglion.telemetry.protocol.TelemetryCodec;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Per-stream batches on the publisher thread: a batch is encoded and sent when it holds {@code
 * maxBatchSamples} samples or when its first sample has waited {@code maxBatchDelayMicros}. Each
 * stream numbers its batches from 0; a dropped batch still takes its number, so receivers see
 * losses as gaps in {@code seq}.
 */
final class Batcher {

  /** Where an encoded batch goes. */
  @FunctionalInterface
  interface Sender {
    void send(int stream, byte[] payload, int samples);
  }

  private final TelemetryBatch[] batches;
  private final long[] firstSampleNanos;
  private final long[] nextSeq;
  private final long maxDelayNanos;
  private final TelemetryCodec codec;

  Batcher(String board, List<StreamSchema> streams, PublisherConfig config, TelemetryCodec codec) {
    this.batches = new TelemetryBatch[streams.size()];
    this.firstSampleNanos = new long[streams.size()];
    this.nextSeq = new long[streams.size()];
    for (int i = 0; i < batches.length; i++) {
      batches[i] = new TelemetryBatch(board, streams.get(i), config.maxBatchSamples());
    }
    this.maxDelayNanos = TimeUnit.MICROSECONDS.toNanos(config.maxBatchDelayMicros());
    this.codec = codec;
  }

  /** Adds one sample; sends the batch when it becomes full. */
  void add(int stream, long tUs, long[] values, int offset, long nowNanos, Sender sender) {
    TelemetryBatch b = batches[stream];
    if (b.size() == 0) {
      b.reset(nextSeq[stream]++);
      firstSampleNanos[stream] = nowNanos;
    }
    b.add(tUs, values, offset);
    if (b.size() == b.capacity()) {
      flush(stream, sender);
    }
  }

  /** Sends every batch whose first sample is older than the delay; true when one was sent. */
  boolean flushDue(long nowNanos, Sender sender) {
    boolean sent = false;
    for (int i = 0; i < batches.length; i++) {
      if (batches[i].size() > 0 && nowNanos - firstSampleNanos[i] >= maxDelayNanos) {
        flush(i, sender);
        sent = true;
      }
    }
    return sent;
  }

  /** Sends every non-empty batch. */
  void flushAll(Sender sender) {
    for (int i = 0; i < batches.length; i++) {
      if (batches[i].size() > 0) {
        flush(i, sender);
      }
    }
  }

  private void flush(int stream, Sender sender) {
    TelemetryBatch b = batches[stream];
    int samples = b.size();
    byte[] payload = codec.encode(b);
    b.reset(b.seq());
    sender.send(stream, payload, samples);
  }
}
