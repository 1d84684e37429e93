package io.ganglion.telemetry.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.telemetry.protocol.BinaryTelemetryCodec;
import org.junit.jupiter.api.Test;

/**
 * Sequence numbers are any i64 >= 0 on the wire. After a batch with seq Long.MAX_VALUE, {@code
 * lastSeq + 1} overflowed, so a restarted board's seq 0 counted Long.MIN_VALUE gaps; and large jumps
 * added up past Long.MAX_VALUE to a negative count.
 */
class MonitorSequenceGapOverflowTest {

  private static long gapsAfter(long... seqs) {
    MonitorState s = new MonitorState();
    for (long seq : seqs) {
      s.onMessage("robots/b1/telemetry/joints", BinaryTelemetryCodec.INSTANCE.encode(MonitorStateTest.batch("b1", seq, 1, 0)),
          0, false);
    }
    return s.snapshot("u", "f", true).board("b1").stream("joints").gaps();
  }

  @Test
  void aRestartAfterTheLargestSequenceNumberIsNotAGap() {
    assertEquals(0, gapsAfter(Long.MAX_VALUE, 0));
    assertEquals(0, gapsAfter(Long.MAX_VALUE, 7));
  }

  @Test
  void gapsSaturateInsteadOfTurningNegative() {
    assertEquals(Long.MAX_VALUE - 1, gapsAfter(0, Long.MAX_VALUE));
    assertEquals(Long.MAX_VALUE, gapsAfter(0, Long.MAX_VALUE, 0, Long.MAX_VALUE));
  }
}
