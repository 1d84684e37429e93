package io.ganglion.firmware.world;

import io.ganglion.drivers.fake.FakeMpu6050;
import java.util.SplittableRandom;

/**
 * Seeded sensor noise for the fake IMU: approximately normal with standard deviation sigma, as
 * sigma sqrt(3) (u1 + u2 + u3 + u4 - 2) with uniform u (Irwin-Hall; variance 4/12 before scaling).
 * Deterministic for a seed and free of transcendental functions. A real MPU-6050 is never
 * noiseless, and its driver calls a sensor whose frames repeat for {@code stuck_reads} reads
 * stuck; the noise keeps a still mock robot from looking hung. Default sigmas from the MPU-6050
 * datasheet over the 44 Hz filter: gyro 0.005 deg/s/sqrt(Hz) -> 0.0006 rad/s, accel
 * 400 ug/sqrt(Hz) -> 0.026 m/s^2.
 */
final class ImuNoise {

  static final double GYRO_SIGMA_RAD_S = 0.0006;
  static final double ACCEL_SIGMA_MPS2 = 0.026;
  private static final double SQRT3 = Math.sqrt(3.0);

  private final SplittableRandom random;

  ImuNoise(long seed) {
    random = new SplittableRandom(seed);
  }

  double next(double sigma) {
    double s = random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble() - 2.0;
    return sigma * SQRT3 * s;
  }

  /**
   * Writes a planar robot's IMU readings into the fake chip, each with its noise: gyro (0, 0, yaw
   * rate) and the specific force {@code forceMps2} (x, y, z). The six draws are in that order.
   */
  void write(FakeMpu6050 imu, double yawRateRadPerSec, double[] forceMps2) {
    imu.setAngularVelocity(next(GYRO_SIGMA_RAD_S), next(GYRO_SIGMA_RAD_S), yawRateRadPerSec + next(GYRO_SIGMA_RAD_S));
    imu.setAcceleration(forceMps2[0] + next(ACCEL_SIGMA_MPS2), forceMps2[1] + next(ACCEL_SIGMA_MPS2),
        forceMps2[2] + next(ACCEL_SIGMA_MPS2));
  }
}
