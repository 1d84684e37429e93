package io.ganglion.drivers.imu;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.i2c.I2cChecks;

/**
 * An MPU-6050 IMU.
 *
 * @param name unique device name (Pi4J id "mpu6050-NAME")
 * @param bus Linux I2C bus number
 * @param address 0x68 (AD0 low) or 0x69 (AD0 high)
 * @param accelRangeG full scale 2, 4, 8 or 16 g
 * @param gyroRangeDps full scale 250, 500, 1000 or 2000 deg/s
 * @param dlpfConfig CONFIG.DLPF_CFG 0..6 (0: 260 Hz accel bandwidth, 3: 44 Hz, 6: 5 Hz)
 * @param sampleRateDivider SMPLRT_DIV 0..255: sample rate = gyro rate / (1 + divider), the gyro
 *     rate being 8 kHz with DLPF_CFG 0 and 1 kHz otherwise
 * @param stuckReadLimit identical consecutive 14-byte frames after which the sensor is called
 *     stuck (>= 2; real MEMS noise never repeats for long; read faster than the sample rate and
 *     frames repeat legitimately, so allow for it)
 */
public record Mpu6050Config(String name, int bus, int address, int accelRangeG, int gyroRangeDps,
    int dlpfConfig, int sampleRateDivider, int stuckReadLimit) {

  public Mpu6050Config {
    I2cChecks.name("MPU-6050", name);
    String what = "MPU-6050 '" + name + "'";
    I2cChecks.bus(what, bus);
    if (address != 0x68 && address != 0x69) {
      throw new InvalidInputException(what + ": address " + I2cChecks.hex(address) + " must be 0x68 (AD0 low) or 0x69 (AD0 high)");
    }
    if (Mpu6050Registers.indexOf(Mpu6050Registers.ACCEL_RANGES_G, accelRangeG) < 0) {
      throw new InvalidInputException(what + ": accelRangeG " + accelRangeG + " must be one of 2, 4, 8, 16");
    }
    if (Mpu6050Registers.indexOf(Mpu6050Registers.GYRO_RANGES_DPS, gyroRangeDps) < 0) {
      throw new InvalidInputException(what + ": gyroRangeDps " + gyroRangeDps + " must be one of 250, 500, 1000, 2000");
    }
    if (dlpfConfig < 0 || dlpfConfig > 6) {
      throw new InvalidInputException(what + ": dlpfConfig " + dlpfConfig + " must be 0..6");
    }
    if (sampleRateDivider < 0 || sampleRateDivider > 255) {
      throw new InvalidInputException(what + ": sampleRateDivider " + sampleRateDivider + " must be 0..255");
    }
    if (stuckReadLimit < 2) {
      throw new InvalidInputException(what + ": stuckReadLimit " + stuckReadLimit + " must be >= 2");
    }
  }

  /** 0x68, +-4 g, +-500 deg/s, 44 Hz low-pass, 1 kHz sample rate, stuck after 200 identical reads. */
  public static Mpu6050Config defaults(String name, int bus) {
    return new Mpu6050Config(name, bus, 0x68, 4, 500, 3, 0, 200);
  }

  /** AFS_SEL for the accel range. */
  public int afsSel() {
    return Mpu6050Registers.indexOf(Mpu6050Registers.ACCEL_RANGES_G, accelRangeG);
  }

  /** FS_SEL for the gyro range. */
  public int fsSel() {
    return Mpu6050Registers.indexOf(Mpu6050Registers.GYRO_RANGES_DPS, gyroRangeDps);
  }
}
