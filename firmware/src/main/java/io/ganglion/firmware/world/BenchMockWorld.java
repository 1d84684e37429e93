package io.ganglion.firmware.world;

import io.ganglion.drivers.fake.FakeMpu6050;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A mock board on the bench, for board files without a {@code sim} model: nothing moves, the
 * encoders read their zero, the IMU reads rest (0, 0, g) plus seeded noise (a real IMU is never
 * noiseless; without noise the driver would call it stuck). Steps every 5 ms.
 */
public final class BenchMockWorld implements MockWorld {

  private static final long PERIOD_NANOS = 5_000_000L;

  /** A still board on a table: gravity only (m/s^2). */
  private static final double[] STILL_FORCE_MPS2 = {0.0, 0.0, FakeMpu6050.G};
  private final FakeMpu6050 imu;
  private final ImuNoise noise;
  private long steps;

  public BenchMockWorld(FakeMpu6050 imu, long seed) {
    this.imu = imu;
    this.noise = new ImuNoise(seed);
  }

  @Override
  public String name() {
    return "world";
  }

  @Override
  public long periodNanos() {
    return PERIOD_NANOS;
  }

  @Override
  public void run(long nowNanos) {
    steps++;
    if (imu != null) {
      noise.write(imu, 0.0, STILL_FORCE_MPS2);
    }
  }

  @Override
  public Map<String, Object> summary() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("model", "bench");
    m.put("steps", steps);
    return m;
  }

  @Override
  public String describe() {
    return "mock bench: no sim model in the board file, sensors at rest";
  }
}
