package io.ganglion.firmware.world;

import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.firmware.config.FailsafeConfig;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.core.LoopReport;
import io.ganglion.firmware.core.RobotIo;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.runtime.OverrunPolicy;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.io.EStopIOSim;
import io.ganglion.sim.io.EncoderIOSim;
import io.ganglion.sim.io.ServoIOSim;
import io.ganglion.sim.io.StatusLedIOSim;
import io.ganglion.sim.swimmer.SwimMetrics;
import io.ganglion.sim.swimmer.SwimmerJoints;
import io.ganglion.sim.swimmer.SwimmerPhysics;
import io.ganglion.sim.swimmer.SwimmerRecorder;
import io.ganglion.sim.swimmer.SwimmerRunResult;
import io.ganglion.sim.swimmer.SwimmerState;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A swimmer run through the firmware runtime in virtual time: the {@link Firmware} with sim-backed
 * IO ({@link EncoderIOSim} on each hinge, {@link ServoIOSim} writing the motor controls, a released
 * {@link EStopIOSim}), and, after the firmware's tasks, a recorder and the physics:
 *
 * <pre>
 *   every 30 ms: encoders, controller (the law), servo (failsafe, commands -> controls), recorder
 *   every  2 ms: one physics step                      (15 per control step, 0.002 s each)
 * </pre>
 *
 * At each control instant the law sees the state after the previous 15 physics steps and its
 * commands are applied before the next physics step: the same order of operations, with the same
 * arithmetic, as {@link io.ganglion.sim.swimmer.SwimmerRun}, so the results are bit-identical
 * (same CSV, same summary) while the code path is the board's (failsafe included: a fault makes the
 * swimmer go limp, as a robot would).
 */
public final class SwimmerSimulation {

  /** The control period, 30 ms. */
  public static final long CONTROL_PERIOD_NANOS = 30_000_000L;
  /** The physics period, 2 ms. */
  public static final long PHYSICS_PERIOD_NANOS = 2_000_000L;

  private final SwimmerState state;
  private final ControlLaw law;
  private SwimmerRecorder recorder = (step, s, u) -> {};
  private LongConsumer progress = step -> {};
  private long progressEvery = Long.MAX_VALUE;
  private EventSink events = EventSink.NONE;
  private SimulationHooks.Factory hooks = SimulationHooks.NONE;
  private Firmware firmware;

  public SwimmerSimulation(SwimmerState state, ControlLaw law) {
    this.state = state;
    this.law = law;
  }

  /** Called at every control step with the state and the controls just applied. */
  public SwimmerSimulation recorder(SwimmerRecorder recorder) {
    this.recorder = recorder;
    return this;
  }

  /** Called with the number of completed control steps every {@code every} steps. */
  public SwimmerSimulation progress(long every, LongConsumer progress) {
    this.progressEvery = every;
    this.progress = progress;
    return this;
  }

  /** Where failsafe transitions go. */
  public SwimmerSimulation events(EventSink events) {
    this.events = events;
    return this;
  }

  /** Telemetry, commands and pacing to add to the firmware (default: none). */
  public SwimmerSimulation hooks(SimulationHooks.Factory hooks) {
    this.hooks = hooks;
    return this;
  }

  /** The firmware of the last run (its report, failsafe). */
  public Firmware firmware() {
    return firmware;
  }

  /** Runs {@code controlSteps} control steps of 30 ms from the state as it is now. */
  public SwimmerRunResult run(long controlSteps) {
    long wallStart = System.nanoTime();
    VirtualClock clock = new VirtualClock();
    int joints = state.model().joints();
    SwimmerJoints hinges = new SwimmerJoints(state);
    List<EncoderIO> encoders = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < joints; j++) {
      encoders.add(new EncoderIOSim(hinges, j, clock));
      names.add("q" + j);
    }
    ServoIOSim servo = ServoIOSim.normalized(state.ctrl(), 0.0, clock);
    RobotIo io = new RobotIo(servo, "motors", encoders, names, null, "", new EStopIOSim(clock), "sim",
        new StatusLedIOSim(), List.of());
    SimulationHooks h = hooks.create(law, CONTROL_PERIOD_NANOS);
    FirmwareSettings settings = new FirmwareSettings(CONTROL_PERIOD_NANOS, CONTROL_PERIOD_NANOS, 0,
        CONTROL_PERIOD_NANOS, h.telemetryPeriodNanos(), OverrunPolicy.SKIP, 3, 3, 4 * CONTROL_PERIOD_NANOS, true,
        LoopScheduler.DEFAULT_MISS_WINDOW_RELEASES, FailsafeConfig.defaults().maxWindowMisses());
    Physics physics = new Physics();
    Firmware.Builder b = Firmware.builder(clock, io, law, settings)
        .task("recorder", CONTROL_PERIOD_NANOS, 0, now -> recorder.record(physics.controlSteps, state, state.ctrl()));
    h.applyTo(b, events); // telemetry, events, then the hooks' tasks: before the physics, after the recorder
    firmware = b.task("physics", PHYSICS_PERIOD_NANOS, 0, physics).build();
    h.built(firmware);
    physics.start();
    firmware.run(controlSteps * CONTROL_PERIOD_NANOS);
    double wall = (System.nanoTime() - wallStart) / 1e9;
    return physics.metrics.result(physics.physicsSteps, physics.physicsNanos / 1e9, wall, state.faultMessage());
  }

  /** The run's loop statistics. */
  public LoopReport report() {
    return firmware.report();
  }

  /** One physics step per release; the swim metrics after every 15th, as SwimmerRun measures them. */
  private final class Physics implements io.ganglion.firmware.runtime.PeriodicTask {
    final SwimMetrics metrics = new SwimMetrics();
    long physicsNanos;
    long physicsSteps;
    long controlSteps;
    private int subStep;
    private boolean failed;

    void start() {
      metrics.start(state);
    }

    @Override
    public void run(long nowNanos) {
      if (failed) {
        return;
      }
      long t0 = System.nanoTime();
      boolean ok = SwimmerPhysics.step(state);
      physicsNanos += System.nanoTime() - t0;
      if (!ok) {
        failed = true;
        firmware.requestStop();
        return;
      }
      physicsSteps++;
      if (++subStep < SwimmerPhysics.STEPS_PER_CONTROL) {
        return;
      }
      subStep = 0;
      controlSteps++;
      metrics.afterControlStep(state);
      if (controlSteps % progressEvery == 0) {
        progress.accept(controlSteps);
      }
    }
  }
}
