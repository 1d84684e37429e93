package io.ganglion.drivers.imu;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Bad IMU configs are refused with one clear line naming the field. */
class Mpu6050ConfigValidationTest {

  private static String message(Runnable r) {
    return assertThrows(InvalidInputException.class, r::run).getMessage();
  }

  @Test
  void onlyTheTwoMpu6050AddressesAreAccepted() {
    assertTrue(message(() -> new Mpu6050Config("imu", 1, 0x6A, 4, 500, 3, 0, 200)).contains("0x68"));
  }

  @Test
  void rangesMustBeChipSettings() {
    assertTrue(message(() -> new Mpu6050Config("imu", 1, 0x68, 3, 500, 3, 0, 200)).contains("accelRangeG"));
    assertTrue(message(() -> new Mpu6050Config("imu", 1, 0x68, 4, 300, 3, 0, 200)).contains("gyroRangeDps"));
  }

  @Test
  void filterDividerAndStuckLimitMustBeInRange() {
    assertTrue(message(() -> new Mpu6050Config("imu", 1, 0x68, 4, 500, 7, 0, 200)).contains("dlpfConfig"));
    assertTrue(message(() -> new Mpu6050Config("imu", 1, 0x68, 4, 500, 3, 256, 200)).contains("sampleRateDivider"));
    assertTrue(message(() -> new Mpu6050Config("imu", 1, 0x68, 4, 500, 3, 0, 1)).contains("stuckReadLimit"));
  }
}
