package io.ganglion.firmware.hil;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.drivers.encoder.EncoderInputs;

/**
 * A board's encoder fed by the remote simulator: each read copies the joint's readings of the
 * latest sensor frame (every field of the simulator's {@code EncoderInputs}) and stamps the read
 * with the board clock. Before the first frame it reads disconnected (a bus error), so the board
 * cannot arm on nothing. Allocation-free.
 */
public final class EncoderIOHil implements EncoderIO {

  private final HilInputs frame;
  private final int joint;
  private final NanoClock clock;

  public EncoderIOHil(HilInputs frame, int joint, NanoClock clock) {
    this.frame = frame;
    this.joint = joint;
    this.clock = clock;
  }

  @Override
  public void updateInputs(EncoderInputs inputs) {
    if (!frame.any) {
      inputs.connected = false;
      inputs.valid = false;
      inputs.faultFlags = DeviceFaults.BUS_ERROR;
    } else {
      HilSensorLayout.unpackEncoder(frame.values, joint, inputs);
    }
    inputs.timestampNanos = clock.nanoTime();
  }
}
