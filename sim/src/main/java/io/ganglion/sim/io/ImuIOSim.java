package io.ganglion.sim.io;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.imu.ImuIO;
import io.ganglion.drivers.imu.ImuInputs;

/**
 * An {@link ImuIO} reading a simulated body exactly: gyro (0, 0, yaw rate), accelerometer the
 * body's specific force, 25 degC, WHO_AM_I 0x68. Raw counts are those of an MPU-6050 at +-4 g and
 * +-500 deg/s. {@link #setFault} makes reads fail until cleared. Allocation-free.
 */
public final class ImuIOSim implements ImuIO {

  private static final double ACCEL_LSB_PER_MPS2 = 8192 / 9.80665;
  private static final double GYRO_LSB_PER_RADS = 65.5 * 180 / Math.PI;

  private final SimBody body;
  private final NanoClock clock;
  private final double[] force = new double[3];
  private volatile int injectedFaults;
  private long busErrorCount;

  public ImuIOSim(SimBody body, NanoClock clock) {
    this.body = body;
    this.clock = clock;
  }

  /** Non-zero {@code DeviceFaults} bits make every read fail with them; 0 restores normal reads. */
  public void setFault(int deviceFaults) {
    injectedFaults = deviceFaults;
  }

  @Override
  public void updateInputs(ImuInputs inputs) {
    inputs.timestampNanos = clock.nanoTime();
    inputs.whoAmI = 0x68;
    int faults = injectedFaults;
    if (faults != 0) {
      busErrorCount++;
      inputs.connected = (faults & DeviceFaults.BUS_ERROR) == 0;
      inputs.valid = false;
      inputs.faultFlags = faults;
      inputs.busErrorCount = busErrorCount;
      return;
    }
    body.specificForce(force);
    double yawRate = body.yawRateRadPerSec();
    for (int axis = 0; axis < 3; axis++) {
      inputs.accelMps2[axis] = force[axis];
      inputs.rawAccel[axis] = counts(force[axis] * ACCEL_LSB_PER_MPS2);
      double w = axis == 2 ? yawRate : 0.0;
      inputs.gyroRadPerSec[axis] = w;
      inputs.rawGyro[axis] = counts(w * GYRO_LSB_PER_RADS);
    }
    inputs.temperatureC = 25.0;
    inputs.connected = true;
    inputs.valid = true;
    inputs.faultFlags = 0;
    inputs.busErrorCount = busErrorCount;
    inputs.identicalFrames = 0;
  }

  private static int counts(double v) {
    return (int) Math.max(-32768, Math.min(32767, Math.round(v)));
  }
}
