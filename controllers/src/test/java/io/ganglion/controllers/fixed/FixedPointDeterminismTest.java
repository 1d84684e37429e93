package io.ganglion.controllers.fixed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Bit-for-bit reproducibility: a checksum of the tables and of the outputs over a fixed set of
 * inputs, recorded once (OpenJDK 17.0.15, x86-64) and compared on every JVM that runs the tests.
 * The tables are built from StrictMath and integer arithmetic, so a different checksum means a
 * change of the algorithm or the tables, which must then be re-documented (docs/fixed-point.md).
 */
class FixedPointDeterminismTest {

  /** FNV-1a over 32-bit words. */
  private static final class Checksum {
    long hash = 0xcbf29ce484222325L;

    void add(int word) {
      hash = (hash ^ (word & 0xFFFFFFFFL)) * 0x100000001b3L;
    }
  }

  @Test
  void tablesAndOutputsMatchTheRecordedChecksum() {
    Checksum c = new Checksum();
    for (int v : Phase.sinTableQ30()) {
      c.add(v);
    }
    for (int v : FixedMathTables.tanhQ30()) {
      c.add(v);
    }
    for (long[] table : new long[][] {FixedMathTables.expIntegerQ48(), FixedMathTables.expHighByteQ61(), FixedMathTables.expLowByteQ62()}) {
      for (long v : table) {
        c.add((int) v);
        c.add((int) (v >>> 32));
      }
    }
    for (long p = 0; p < (1L << 32); p += 65_521) {
      c.add(Phase.sin((int) p));
      c.add(Phase.cos((int) p));
    }
    for (int x = -16 << 16; x < 16 << 16; x += 7) {
      c.add(FixedMath.exp(x));
      c.add(FixedMath.sigmoid(x));
      c.add(FixedMath.tanh(x));
    }
    assertEquals(RECORDED, c.hash, () -> String.format("checksum 0x%016xL", c.hash));
  }

  private static final long RECORDED = 0xa0be95b085a803c0L;
}
