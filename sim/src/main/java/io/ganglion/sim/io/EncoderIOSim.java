package io.ganglion.sim.io;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.encoder.As5600Registers;
import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.drivers.encoder.EncoderInputs;

/**
 * An {@link EncoderIO} reading one joint of a simulation exactly (no quantisation, no noise), so
 * that a simulated controller sees the state the physics computed:
 *
 * <pre>
 *   positionRad = q                       (continuous)
 *   angleRad    = q if q in [-pi, pi), else wrap(q)     (as the AS5600 driver reports it)
 *   velocity    = qdot
 *   rawCounts   = round(angle 4096 / (2 pi)) mod 4096   (what a 12-bit AS5600 would read)
 * </pre>
 *
 * <p>{@link #setFault} makes reads fail (held values, {@code valid = false}, the given fault bits,
 * counted as bus errors) until cleared: for failsafe tests in simulation. Allocation-free.
 */
public final class EncoderIOSim implements EncoderIO {

  private final SimJoints joints;
  private final int joint;
  private final NanoClock clock;
  private volatile int injectedFaults;
  private double angleRad;
  private double positionRad;
  private double velocityRadPerSec;
  private long sampleNanos;
  private long busErrorCount;

  public EncoderIOSim(SimJoints joints, int joint, NanoClock clock) {
    if (joint < 0 || joint >= joints.jointCount()) {
      throw new IllegalArgumentException("joint " + joint + " out of range [0, " + joints.jointCount() + ")");
    }
    this.joints = joints;
    this.joint = joint;
    this.clock = clock;
  }

  /** Non-zero {@code DeviceFaults} bits make every read fail with them; 0 restores normal reads. */
  public void setFault(int deviceFaults) {
    injectedFaults = deviceFaults;
  }

  @Override
  public void updateInputs(EncoderInputs inputs) {
    long now = clock.nanoTime();
    inputs.timestampNanos = now;
    int faults = injectedFaults;
    if (faults != 0) {
      busErrorCount++;
      inputs.connected = (faults & DeviceFaults.BUS_ERROR) == 0;
      inputs.valid = false;
      inputs.faultFlags = faults;
      velocityRadPerSec = 0;
    } else {
      double q = joints.jointPositionRad(joint);
      positionRad = q;
      angleRad = q >= -Math.PI && q < Math.PI ? q : As5600Registers.wrapPi(q);
      velocityRadPerSec = joints.jointVelocityRadPerSec(joint);
      sampleNanos = now;
      inputs.connected = true;
      inputs.valid = true;
      inputs.faultFlags = 0;
      inputs.rawCounts = (int) Math.floorMod(Math.round(angleRad * (4096 / (2 * Math.PI))), 4096L);
    }
    inputs.magnetDetected = faults == 0;
    inputs.magnetTooWeak = false;
    inputs.magnetTooStrong = false;
    inputs.angleRad = angleRad;
    inputs.positionRad = positionRad;
    inputs.velocityRadPerSec = velocityRadPerSec;
    inputs.busErrorCount = busErrorCount;
    inputs.sampleTimestampNanos = sampleNanos;
  }
}
