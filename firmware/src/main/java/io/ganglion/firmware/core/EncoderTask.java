package io.ganglion.firmware.core;

import io.ganglion.firmware.runtime.PeriodicTask;

/** Reads every joint encoder and records its health. */
final class EncoderTask implements PeriodicTask {

  private final RobotIo io;
  private final LoopData data;

  EncoderTask(RobotIo io, LoopData data) {
    this.io = io;
    this.data = data;
  }

  @Override
  public void run(long nowNanos) {
    for (int i = 0; i < data.encoders.length; i++) {
      io.encoder(i).updateInputs(data.encoders[i]);
      data.encoderHealth[i].record(data.encoders[i].valid, nowNanos);
    }
  }
}
