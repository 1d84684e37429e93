package io.ganglion.drivers.imu;

import com.pi4j.context.Context;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.i2c.BigEndian;
import io.ganglion.drivers.i2c.I2cDevice;

/**
 * {@link ImuIO} on an MPU-6050 over Pi4J I2C.
 *
 * <p>Initialisation: WHO_AM_I must read 0x68 (else {@code WRONG_DEVICE}); PWR_MGMT_1 = 0x01
 * (wake, X-gyro PLL clock); SMPLRT_DIV, CONFIG, GYRO_CONFIG (FS_SEL &lt;&lt; 3), ACCEL_CONFIG
 * (AFS_SEL &lt;&lt; 3) in one auto-increment write, read back and compared (else
 * {@code CONFIG_MISMATCH}). It runs at construction and, while it has not succeeded, at most
 * every 100 ms from {@link #updateInputs}.
 *
 * <p>Each {@link #updateInputs} is one 14-byte burst read from ACCEL_XOUT_H, so all axes come
 * from the same sample:
 *
 * <pre>
 *   a [m/s^2] = int16 / (16384 &gt;&gt; AFS_SEL) * 9.80665
 *   w [rad/s] = int16 / (131, 65.5, 32.8, 16.4)[FS_SEL] * pi / 180
 *   T [degC]  = int16 / 340 + 36.53
 * </pre>
 *
 * <p>Health: a raw axis at -32768 or 32767 sets {@code SATURATED}; {@code stuckReadLimit}
 * identical frames in a row set {@code STUCK} and trigger re-initialisation (a chip reset by a
 * power glitch sleeps and freezes its data registers); bus errors set {@code BUS_ERROR}.
 */
public final class ImuIOPi4j implements ImuIO, AutoCloseable {

  /** Minimum time between two initialisation attempts while it does not succeed. */
  public static final long RETRY_INTERVAL_NANOS = 100_000_000L;

  private final Mpu6050Config config;
  private final NanoClock clock;
  private final I2cDevice device;
  private final byte[] frame = new byte[Mpu6050Registers.DATA_BYTES];
  private final byte[] previous = new byte[Mpu6050Registers.DATA_BYTES];
  private final byte[] configBytes = new byte[4];
  private final byte[] readback = new byte[4];
  private final int afsSel;
  private final int fsSel;

  private boolean initialized;
  private boolean connected;
  private int initFaults;
  private boolean everTriedInit;
  private long lastInitAttemptNanos;
  private int whoAmI = -1;
  private int identicalFrames;
  private long busErrorCount;
  private long saturatedCount;
  private long initCount;

  /** Opens the MPU-6050 in {@code context}; uses the system clock. */
  public ImuIOPi4j(Context context, Mpu6050Config config) {
    this(context, config, NanoClock.SYSTEM);
  }

  /**
   * Opens the MPU-6050 in {@code context} (never creates one) and tries to initialise it; a
   * missing or wrong chip is reported in the inputs, not thrown.
   *
   * @throws io.ganglion.drivers.InvalidInputException when Pi4J refuses the device (duplicate name)
   */
  public ImuIOPi4j(Context context, Mpu6050Config config, NanoClock clock) {
    this.config = config;
    this.clock = clock;
    this.afsSel = config.afsSel();
    this.fsSel = config.fsSel();
    configBytes[0] = (byte) config.sampleRateDivider();
    configBytes[1] = (byte) config.dlpfConfig();
    configBytes[2] = (byte) (fsSel << 3);
    configBytes[3] = (byte) (afsSel << 3);
    this.device = I2cDevice.open(context, "mpu6050-" + config.name(), config.bus(), config.address(), null);
    tryInitialize(clock.nanoTime());
  }

  /** The configuration this driver was built with. */
  public Mpu6050Config config() {
    return config;
  }

  private void tryInitialize(long now) {
    if (everTriedInit && now - lastInitAttemptNanos < RETRY_INTERVAL_NANOS) {
      return;
    }
    everTriedInit = true;
    lastInitAttemptNanos = now;
    try {
      whoAmI = device.readRegisterByte(Mpu6050Registers.WHO_AM_I);
      connected = true;
      if (whoAmI != Mpu6050Registers.WHO_AM_I_VALUE) {
        initFaults = DeviceFaults.WRONG_DEVICE;
        return;
      }
      device.writeRegisterByte(Mpu6050Registers.PWR_MGMT_1, Mpu6050Registers.PWR_MGMT_1_WAKE_PLL_X);
      device.writeRegister(Mpu6050Registers.SMPLRT_DIV, configBytes, 0, 4);
      device.readRegister(Mpu6050Registers.SMPLRT_DIV, readback, 0, 4);
      int power = device.readRegisterByte(Mpu6050Registers.PWR_MGMT_1);
      boolean same = (power & Mpu6050Registers.PWR_MGMT_1_SLEEP) == 0;
      for (int i = 0; i < 4; i++) {
        same &= readback[i] == configBytes[i];
      }
      if (!same) {
        initFaults = DeviceFaults.CONFIG_MISMATCH;
        return;
      }
      initFaults = 0;
      initialized = true;
      initCount++;
    } catch (RuntimeException e) {
      busErrorCount++;
      connected = false;
      initFaults = DeviceFaults.BUS_ERROR;
    }
  }

  @Override
  public void updateInputs(ImuInputs inputs) {
    long now = clock.nanoTime();
    if (!initialized) {
      tryInitialize(now);
      if (!initialized) {
        publish(inputs, now, initFaults | DeviceFaults.NOT_INITIALIZED, false);
        return;
      }
    }
    try {
      device.readRegister(Mpu6050Registers.ACCEL_XOUT_H, frame, 0, Mpu6050Registers.DATA_BYTES);
      connected = true;
    } catch (RuntimeException e) {
      busErrorCount++;
      connected = false;
      publish(inputs, now, DeviceFaults.BUS_ERROR, false);
      return;
    }
    boolean same = true;
    for (int i = 0; i < Mpu6050Registers.DATA_BYTES; i++) {
      same &= frame[i] == previous[i];
      previous[i] = frame[i];
    }
    identicalFrames = same ? identicalFrames + 1 : 0;
    int faults = 0;
    boolean saturated = false;
    for (int axis = 0; axis < 3; axis++) {
      int a = BigEndian.int16(frame, 2 * axis);
      int g = BigEndian.int16(frame, 8 + 2 * axis);
      saturated |= a == Short.MIN_VALUE || a == Short.MAX_VALUE || g == Short.MIN_VALUE || g == Short.MAX_VALUE;
      inputs.rawAccel[axis] = a;
      inputs.rawGyro[axis] = g;
      inputs.accelMps2[axis] = Mpu6050Registers.accelMps2(a, afsSel);
      inputs.gyroRadPerSec[axis] = Mpu6050Registers.gyroRadPerSec(g, fsSel);
    }
    inputs.temperatureC = Mpu6050Registers.temperatureC(BigEndian.int16(frame, 6));
    if (saturated) {
      faults |= DeviceFaults.SATURATED;
      saturatedCount++;
    }
    boolean stuck = identicalFrames + 1 >= config.stuckReadLimit();
    if (stuck) {
      faults |= DeviceFaults.STUCK;
      // wake it again in case a reset put it to sleep (at most every 100 ms)
      initialized = false;
    }
    publish(inputs, now, faults, !stuck);
  }

  private void publish(ImuInputs inputs, long now, int faults, boolean valid) {
    inputs.connected = connected;
    inputs.valid = valid && connected;
    inputs.faultFlags = faults;
    inputs.whoAmI = whoAmI;
    inputs.busErrorCount = busErrorCount;
    inputs.identicalFrames = identicalFrames;
    inputs.saturatedCount = saturatedCount;
    inputs.initCount = initCount;
    inputs.timestampNanos = now;
  }

  /** Releases the Pi4J handle. */
  @Override
  public void close() {
    device.close();
  }
}
