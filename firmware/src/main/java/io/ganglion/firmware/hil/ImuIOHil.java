package io.ganglion.firmware.hil;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.imu.ImuIO;
import io.ganglion.drivers.imu.ImuInputs;

/**
 * A board's IMU fed by the remote simulator's {@code ImuInputs}. Reads disconnected before the
 * first frame, and when the simulator's world has no IMU (the board file then does not fit the
 * world: the failsafe reports the sensor). Allocation-free.
 */
public final class ImuIOHil implements ImuIO {

  private final HilInputs frame;
  private final NanoClock clock;

  public ImuIOHil(HilInputs frame, NanoClock clock) {
    this.frame = frame;
    this.clock = clock;
  }

  @Override
  public void updateInputs(ImuInputs inputs) {
    if (!frame.any || !frame.imu) {
      inputs.connected = false;
      inputs.valid = false;
      inputs.faultFlags = DeviceFaults.BUS_ERROR;
    } else {
      HilSensorLayout.unpackImu(frame.values, frame.joints, inputs);
    }
    inputs.timestampNanos = clock.nanoTime();
  }
}
