package io.ganglion.firmware.hil;

import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.servo.ServoChannelConfig;
import io.ganglion.drivers.servo.ServoIO;
import io.ganglion.drivers.servo.ServoInputs;
import io.ganglion.sim.io.ServoIOSim;
import java.util.List;

/**
 * A board's PWM outputs sent to the remote simulator: behaves as a {@link ServoIOSim} with the
 * board file's channels (limits, safe values, pulse widths), and {@link #actuators} gives what the
 * outputs hold, for the actuator frame: {@code [disabled, command_0..]}. Allocation-free.
 */
public final class ServoIOHil implements ServoIO {

  private final ServoIOSim outputs;
  private final ServoInputs scratch;
  private final int n;

  public ServoIOHil(List<ServoChannelConfig> channels, NanoClock clock) {
    this.n = channels.size();
    this.outputs = ServoIOSim.fromChannels(new double[n], channels, clock);
    this.scratch = new ServoInputs(n);
  }

  @Override
  public int channelCount() {
    return n;
  }

  @Override
  public void updateInputs(ServoInputs inputs) {
    outputs.updateInputs(inputs);
  }

  @Override
  public void apply(double[] commands) {
    outputs.apply(commands);
  }

  @Override
  public void applySafe() {
    outputs.applySafe();
  }

  @Override
  public void disableAll() {
    outputs.disableAll();
  }

  /** Writes {@code [disabled, commands...]} into {@code dest}; returns the word count. */
  public int actuators(double[] dest) {
    outputs.updateInputs(scratch);
    dest[0] = scratch.disabled ? 1 : 0;
    System.arraycopy(scratch.commands, 0, dest, 1, n);
    return 1 + n;
  }
}
