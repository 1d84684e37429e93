package io.ganglion.drivers.encoder;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.i2c.I2cMuxChannel;
import org.junit.jupiter.api.Test;

/** Bad encoder configs are refused with one clear line. */
class As5600ConfigValidationTest {

  private static String message(Runnable r) {
    return assertThrows(InvalidInputException.class, r::run).getMessage();
  }

  @Test
  void directionMustBePlusOrMinusOne() {
    assertTrue(message(() -> As5600Config.direct("e", 1, 0, 2)).contains("direction"));
  }

  @Test
  void zeroOffsetMustBeFiniteWithinOneTurnEachWay() {
    assertTrue(message(() -> As5600Config.direct("e", 1, Double.NaN, 1)).contains("zeroOffsetRad"));
    assertTrue(message(() -> As5600Config.direct("e", 1, 7.0, 1)).contains("zeroOffsetRad"));
  }

  @Test
  void muxChannelAndAddressMustExistOnATca9548a() {
    assertTrue(message(() -> new I2cMuxChannel(0x70, 8)).contains("0..7"));
    assertTrue(message(() -> new I2cMuxChannel(0x6F, 0)).contains("0x6F"));
  }

  @Test
  void addressOutsideTheSevenBitRangeIsRefused() {
    assertTrue(message(() -> new As5600Config("e", 1, 0x78, null, 0, 1)).contains("0x78"));
    assertTrue(message(() -> new As5600Config("e", -1, 0x36, null, 0, 1)).contains("bus"));
  }
}
