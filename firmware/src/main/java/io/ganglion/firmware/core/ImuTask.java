package io.ganglion.firmware.core;

import io.ganglion.firmware.runtime.PeriodicTask;

/** Reads the IMU and records its health. */
final class ImuTask implements PeriodicTask {

  private final RobotIo io;
  private final LoopData data;

  ImuTask(RobotIo io, LoopData data) {
    this.io = io;
    this.data = data;
  }

  @Override
  public void run(long nowNanos) {
    io.imu().updateInputs(data.imu);
    data.imuHealth.record(data.imu.valid, nowNanos);
  }
}
