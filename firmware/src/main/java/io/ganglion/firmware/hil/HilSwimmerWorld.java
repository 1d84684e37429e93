package io.ganglion.firmware.hil;

import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.sim.io.ImuIOSim;
import io.ganglion.sim.io.ServoIOSim;
import io.ganglion.sim.swimmer.SwimRewards;
import io.ganglion.sim.swimmer.SwimmerHead;
import io.ganglion.sim.swimmer.SwimmerJoints;
import io.ganglion.sim.swimmer.SwimmerPhysics;
import io.ganglion.sim.swimmer.SwimmerRecorder;
import io.ganglion.sim.swimmer.SwimmerRunResult;
import io.ganglion.sim.swimmer.SwimmerSensors;
import io.ganglion.sim.swimmer.SwimmerState;

/**
 * The swimmer as a HIL world: the simulator side of {@code ganglion hil serve --world swimmer}.
 * Each 30 ms control step: read the hinges with the same sim-backed encoders a local simulation
 * uses ({@link EncoderIOSim}) and the head with an {@link ImuIOSim}, send them, apply the board's
 * answer to the motor controls through a {@link ServoIOSim} (limits [-1, 1], safe 0, as
 * {@code sim swimmer}), record, and integrate 15 physics steps of 2 ms, measuring as
 * {@code SwimmerSimulation} does. With the same settings the trajectory is bit-identical to
 * {@code ganglion sim swimmer}.
 */
public final class HilSwimmerWorld implements HilWorld {

  /** The control step, 30 ms. */
  public static final long STEP_NANOS = 30_000_000L;

  private final SwimmerState state;
  private final VirtualClock clock = new VirtualClock();
  private final EncoderIOSim[] encoders;
  private final EncoderInputs[] readings;
  private final ImuIOSim imu;
  private final ImuInputs imuReading = new ImuInputs();
  private final ServoIOSim servo;
  private final double[] commands;
  private final SwimmerRecorder recorder;
  private final double startX;
  private final double startY;
  private double lastX;
  private double lastY;
  private double path;
  private double speedSum;
  private double swimReturn;
  private long physicsSteps;
  private long controlSteps;
  private long physicsNanos;
  private boolean failed;

  public HilSwimmerWorld(SwimmerState state, SwimmerRecorder recorder) {
    this.state = state;
    this.recorder = recorder;
    int joints = state.model().joints();
    SwimmerJoints hinges = new SwimmerJoints(state);
    encoders = new EncoderIOSim[joints];
    readings = new EncoderInputs[joints];
    for (int j = 0; j < joints; j++) {
      encoders[j] = new EncoderIOSim(hinges, j, clock);
      readings[j] = new EncoderInputs();
    }
    imu = new ImuIOSim(new SwimmerHead(state), clock);
    servo = ServoIOSim.normalized(state.ctrl(), 0.0, clock);
    commands = new double[joints];
    startX = SwimmerSensors.noseX(state);
    startY = SwimmerSensors.noseY(state);
    lastX = startX;
    lastY = startY;
  }

  @Override
  public String name() {
    return "swimmer";
  }

  @Override
  public long stepNanos() {
    return STEP_NANOS;
  }

  @Override
  public int sensorWords() {
    return HilSensorLayout.sensorWords(encoders.length, true);
  }

  @Override
  public int actuatorWords() {
    return HilSensorLayout.actuatorWords(encoders.length);
  }

  @Override
  public int readSensors(long tNanos, double[] dest) {
    clock.sleepUntil(tNanos);
    for (int j = 0; j < encoders.length; j++) {
      encoders[j].updateInputs(readings[j]);
    }
    imu.updateInputs(imuReading);
    return HilSensorLayout.pack(readings, imuReading, dest);
  }

  @Override
  public boolean step(double[] actuators, int count) {
    if (failed) {
      return false;
    }
    if (count != 1 + commands.length) {
      throw new io.ganglion.drivers.GanglionException("HIL: the board answers " + (count - 1) + " commands; the swimmer has "
          + commands.length + " joints");
    }
    if (actuators[0] != 0) {
      servo.disableAll();
    } else {
      System.arraycopy(actuators, 1, commands, 0, commands.length);
      servo.apply(commands);
    }
    recorder.record(controlSteps, state, state.ctrl());
    for (int i = 0; i < SwimmerPhysics.STEPS_PER_CONTROL; i++) {
      long t0 = System.nanoTime();
      boolean ok = SwimmerPhysics.step(state);
      physicsNanos += System.nanoTime() - t0;
      if (!ok) {
        failed = true;
        return false;
      }
      physicsSteps++;
    }
    controlSteps++;
    double x = SwimmerSensors.noseX(state);
    double y = SwimmerSensors.noseY(state);
    path += Math.hypot(x - lastX, y - lastY);
    lastX = x;
    lastY = y;
    double speed = SwimmerSensors.headForwardSpeedMS(state);
    speedSum += speed;
    swimReturn += SwimRewards.swim(speed);
    return true;
  }

  /** The run's result, as {@code sim swimmer} reports it. */
  public SwimmerRunResult result(double wallSeconds) {
    return new SwimmerRunResult(controlSteps, physicsSteps, Math.hypot(lastX - startX, lastY - startY), path,
        controlSteps > 0 ? speedSum / controlSteps : 0, swimReturn, physicsNanos / 1e9, wallSeconds, lastX, lastY,
        state.faultMessage());
  }

  /** The simulated swimmer. */
  public SwimmerState state() {
    return state;
  }
}
