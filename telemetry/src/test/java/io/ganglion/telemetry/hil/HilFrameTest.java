package io.ganglion.telemetry.hil;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ganglion.telemetry.protocol.RejectReason;
import io.ganglion.testkit.AllocationMeter;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HilFrameTest {

  @Test
  void aFrameHasTheDocumentedBytes() {
    byte[] b = HilFrame.encode(HilFrame.Kind.SENSORS, 42, 30_000, new double[] {0.5, -1.0}, 2);
    assertEquals("4748494c" + "01" + "01" + "0200" + "2a00000000000000" + "3075000000000000"
        + "000000000000e03f" + "000000000000f0bf", HexFormat.of().formatHex(b));
  }

  @Test
  void valuesTravelBitForBitIncludingNanPayloadsAndNegativeZero() {
    double[] v = {Double.longBitsToDouble(0x7ff8_0000_dead_beefL), -0.0, Double.MIN_VALUE, Double.NEGATIVE_INFINITY, Math.PI};
    byte[] b = HilFrame.encode(HilFrame.Kind.ACTUATORS, 7, -5, v, v.length);
    HilFrame f = new HilFrame(8);
    assertNull(f.decode(b));
    assertEquals(HilFrame.Kind.ACTUATORS, f.kind());
    assertEquals(7, f.seq());
    assertEquals(-5, f.tUs());
    assertEquals(v.length, f.count());
    for (int i = 0; i < v.length; i++) {
      assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(f.value(i)), "value " + i);
    }
  }

  @Test
  void malformedFramesAreRejectedWithTheirReason() {
    byte[] good = HilFrame.encode(HilFrame.Kind.SENSORS, 1, 0, new double[] {1, 2, 3}, 3);
    HilFrame f = new HilFrame(3);
    assertEquals(RejectReason.TRUNCATED, f.decode(Arrays.copyOf(good, 10)));
    assertEquals(RejectReason.TRUNCATED, f.decode(Arrays.copyOf(good, good.length - 1)));
    assertEquals(RejectReason.LENGTH_MISMATCH, f.decode(Arrays.copyOf(good, good.length + 1)));
    byte[] magic = good.clone();
    magic[2] = 'X';
    assertEquals(RejectReason.BAD_MAGIC, f.decode(magic));
    byte[] version = good.clone();
    version[4] = 2;
    assertEquals(RejectReason.UNSUPPORTED_VERSION, f.decode(version));
    byte[] kind = good.clone();
    kind[5] = 9;
    assertEquals(RejectReason.BAD_HEADER, f.decode(kind));
    assertEquals(RejectReason.OUT_OF_RANGE, new HilFrame(2).decode(good), "more values than the holder takes");
    byte[] seq = good.clone();
    seq[15] = (byte) 0x80;
    assertEquals(RejectReason.OUT_OF_RANGE, f.decode(seq));
  }

  @Test
  void encodingIntoABufferAndDecodingAllocateNothing() {
    double[] v = new double[12];
    byte[] buf = new byte[HilFrame.sizeBytes(12)];
    HilFrame f = new HilFrame(12);
    AllocationMeter.assertAllocationFree("HIL frame encode + decode", () -> {
      HilFrame.encode(HilFrame.Kind.SENSORS, 3, 4, v, 12, buf);
      f.decode(buf);
    });
  }
}
