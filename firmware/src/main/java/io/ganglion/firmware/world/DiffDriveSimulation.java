package io.ganglion.firmware.world;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.core.ActuatorLimits;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.core.LoopReport;
import io.ganglion.firmware.core.RobotIo;
import io.ganglion.firmware.law.DriveLaw;
import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.diffdrive.DiffDriveConfig;
import io.ganglion.sim.diffdrive.DiffDrivePhysics;
import io.ganglion.sim.diffdrive.DiffDriveState;
import io.ganglion.sim.io.EStopIOSim;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.sim.io.ImuIOSim;
import io.ganglion.sim.io.ServoIOSim;
import io.ganglion.sim.io.StatusLedIOSim;
import java.util.List;

/**
 * A differential-drive board file run through the firmware runtime in virtual time, on sim-backed
 * IO: {@link ServoIOSim} writes the wheel commands, an {@link EncoderIOSim} per wheel, an
 * {@link ImuIOSim} on the body, a released {@link EStopIOSim}. Tasks and rates are the board
 * file's (telemetry excepted); the law is its {@code drive} law; the world task steps
 * {@link DiffDrivePhysics} at the file's {@code sim.timestep_ms}.
 */
public final class DiffDriveSimulation {

  /**
   * What the run did; speeds are means over the second half of the run (after the start
   * transient).
   */
  public record Result(double simulatedS, double commandVMS, double commandWRadS, double finalXM, double finalYM,
      double finalHeadingDeg, double distanceM, double pathLengthM, double meanVMS, double meanWRadS,
      long physicsSteps, long lawSteps, LoopReport loop) {}

  private DiffDriveSimulation() {}

  /**
   * Runs {@code config} (law {@code drive}, sim model {@code diffdrive}) for {@code durationNanos},
   * holding body velocity ({@code vMS}, {@code wRadS}), or the file's initial command when null.
   */
  public static Result run(BoardConfig config, Double vMS, Double wRadS, long durationNanos) {
    return run(config, vMS, wRadS, durationNanos, (state, law) -> SimulationHooks.NONE.create(law, 0));
  }

  /** Builds the hooks of a run once the model state and the law exist. */
  @FunctionalInterface
  public interface HooksFactory {
    /** The hooks for this run. */
    SimulationHooks create(DiffDriveState state, DriveLaw law);
  }

  /** {@link #run(BoardConfig, Double, Double, long)} with telemetry, commands or pacing added. */
  public static Result run(BoardConfig config, Double vMS, Double wRadS, long durationNanos, HooksFactory hooksFactory) {
    if (durationNanos <= 0) {
      // Firmware.run takes 0 as "until stopped", which in virtual time never ends
      throw new IllegalArgumentException("a simulation needs a positive duration, got " + durationNanos + " ns");
    }
    if (config.sim() == null || config.sim().diffdrive() == null) {
      throw new InvalidInputException("sim navigate needs a board file with sim.model diffdrive");
    }
    if (config.law().drive() == null) {
      throw new InvalidInputException("sim navigate needs a board file with law.name drive, got " + config.law().name());
    }
    VirtualClock clock = new VirtualClock();
    DiffDriveConfig model = config.sim().diffdrive();
    DiffDriveState state = new DiffDriveState(model);
    ServoIOSim servo = ServoIOSim.fromChannels(state.wheelCommand(), config.joints(), clock);
    List<EncoderIO> encoders = List.of(new EncoderIOSim(state, 0, clock), new EncoderIOSim(state, 1, clock));
    ImuIOSim imu = config.imu() == null ? null : new ImuIOSim(state, clock);
    RobotIo io = new RobotIo(servo, config.pwm().name(), encoders,
        List.of(config.encoders().get(0).name(), config.encoders().get(1).name()), imu,
        config.imu() == null ? "" : config.imu().name(), new EStopIOSim(clock), config.estop().name(),
        new StatusLedIOSim(), List.of());
    DriveLaw law = new DriveLaw(config.law().drive());
    FirmwareSettings from = FirmwareSettings.from(config);
    SimulationHooks hooks = hooksFactory.create(state, law);
    FirmwareSettings settings = from.withTelemetryPeriod(hooks.telemetryPeriodNanos()).withAutoArm(true);
    long half = durationNanos / 2;
    World world = new World(state, Math.round(model.timestepS() * 1e9), half);
    Firmware.Builder b = Firmware.builder(clock, io, law, settings).limits(ActuatorLimits.of(config.joints()));
    hooks.applyTo(b, EventSink.NONE);
    Firmware firmware = b.task("world", world.periodNanos, 0, world).build();
    hooks.built(firmware);
    law.reset();
    if (vMS != null || wRadS != null) {
      DriveLaw.Setpoint sp = law.command();
      law.setCommand(vMS != null ? vMS : sp.vMS(), wRadS != null ? wRadS : sp.wRadS());
    }
    DriveLaw.Setpoint held = law.command();
    firmware.run(durationNanos);
    firmware.shutdownOutputs();
    return new Result(state.timeS(), held.vMS(), held.wRadS(), state.xM(), state.yM(), state.headingDeg(),
        Math.hypot(state.xM(), state.yM()), state.pathLengthM(), world.samples > 0 ? world.sumV / world.samples : 0,
        world.samples > 0 ? world.sumW / world.samples : 0, state.steps(), firmware.data().lawSteps, firmware.report());
  }

  /** Steps the model; averages v and w over the second half of the run. */
  private static final class World implements PeriodicTask {
    final DiffDriveState state;
    final long periodNanos;
    final long averageFromNanos;
    long elapsedNanos;
    double sumV;
    double sumW;
    long samples;

    World(DiffDriveState state, long periodNanos, long averageFromNanos) {
      this.state = state;
      this.periodNanos = periodNanos;
      this.averageFromNanos = averageFromNanos;
    }

    @Override
    public void run(long nowNanos) {
      DiffDrivePhysics.step(state);
      elapsedNanos += periodNanos;
      if (elapsedNanos > averageFromNanos) {
        sumV += state.vMS();
        sumW += state.wRadS();
        samples++;
      }
    }
  }
}
