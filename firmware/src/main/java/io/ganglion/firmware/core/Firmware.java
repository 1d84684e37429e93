package io.ganglion.firmware.core;

import io.ganglion.drivers.gpio.LedPattern;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.failsafe.Failsafe;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.firmware.failsafe.FailsafeRequests;
import io.ganglion.firmware.failsafe.LinkHealth;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.runtime.AllocationCounter;
import io.ganglion.firmware.runtime.LoopClock;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.runtime.NativeThreadId;
import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.firmware.runtime.TaskStats;
import io.ganglion.firmware.tap.TelemetryTap;
import java.util.ArrayList;
import java.util.List;

/**
 * The firmware, assembled: the robot's IO, the control law, the failsafe and the periodic tasks
 * on one {@link LoopScheduler}. The same object runs a board (real time, Pi4J drivers), a mock
 * board (real time, chip fakes) and a simulation (virtual time, sim-backed IO).
 *
 * <p>Tasks, in the order they run when due at the same instant: {@code encoders}, {@code imu}
 * (if any), {@code controller}, {@code servo} (actuators + safety), {@code telemetry} (if any), then
 * the extra tasks given to the builder in their order (a simulation's physics, a recorder).
 *
 * <p>Threads: {@link #run} runs the loop on the calling thread; {@link #start} on a new dedicated
 * thread. Everything the loop touches is owned by that thread; other threads use
 * {@link #requests()} (arm/disarm) and {@link #requestStop()}, and read the rest once it ended.
 */
public final class Firmware {

  /** Loop time after which allocation is counted as steady state: 5 s. */
  public static final long WARMUP_NANOS = 5_000_000_000L;

  private final LoopClock clock;
  private final RobotIo io;
  private final ControlLaw law;
  private final FirmwareSettings settings;
  private final LoopData data;
  private final Failsafe failsafe;
  private final FailsafeRequests requests = new FailsafeRequests();
  private final LoopScheduler scheduler;
  private long allocatedBytes = -1;
  private long steadyAllocatedBytes = -1;
  private long steadyServoTicks;
  private long startNanos;
  private long endNanos;
  private volatile long loopThreadTid = -1;

  private Firmware(Builder b) {
    this.clock = b.clock;
    this.io = b.io;
    this.law = b.law;
    this.settings = b.settings;
    int channels = io.servo().channelCount();
    if (law.commandCount() != channels) {
      throw new IllegalArgumentException("law '" + law.name() + "' writes " + law.commandCount() + " commands but the"
          + " robot has " + channels + " PWM channels");
    }
    ActuatorLimits limits = b.limits == null ? ActuatorLimits.normalized(channels) : b.limits;
    if (limits.channels() != channels) {
      throw new IllegalArgumentException("limits for " + limits.channels() + " channels, robot has " + channels);
    }
    this.data = new LoopData(io.joints(), channels);
    this.failsafe = new Failsafe(b.events, this::enter);
    SafetyMonitor monitor = new SafetyMonitor(io, data, settings, b.link);
    this.scheduler = new LoopScheduler(clock, settings.overrun(), settings.missWindowReleases());
    scheduler.add("encoders", settings.encodersPeriodNanos(), new EncoderTask(io, data));
    if (io.imu() != null) {
      if (settings.imuPeriodNanos() <= 0) {
        throw new IllegalArgumentException("the robot has an IMU but no imu task period");
      }
      scheduler.add("imu", settings.imuPeriodNanos(), new ImuTask(io, data));
    }
    scheduler.add("controller", settings.controllerPeriodNanos(), new ControllerTask(io, data, law, failsafe));
    scheduler.add("servo", settings.servoPeriodNanos(),
        new ServoTask(io, data, failsafe, requests, monitor, limits, settings.autoArm()));
    if (settings.telemetryPeriodNanos() > 0) {
      scheduler.add("telemetry", settings.telemetryPeriodNanos(), new TelemetryTask(io, data, failsafe, b.tap));
    }
    for (Extra e : b.extras) {
      scheduler.add(e.name, e.periodNanos, e.phaseNanos, e.task);
    }
    monitor.watch(scheduler.stats().toArray(new TaskStats[0]));
    law.reset();
  }

  /** Starts a builder. */
  public static Builder builder(LoopClock clock, RobotIo io, ControlLaw law, FirmwareSettings settings) {
    return new Builder(clock, io, law, settings);
  }

  /** On every transition: safe outputs when not armed, the state's LED pattern. */
  private void enter(ArmState state) {
    if (state != ArmState.ARMED) {
      io.servo().applySafe();
    }
    io.led().setPattern(ServoTask.pattern(state));
  }

  /**
   * Runs the loop on the calling thread for {@code durationNanos} of loop time, or until
   * {@link #requestStop()} when {@code durationNanos <= 0}. Counts the thread's allocation over the
   * run and after {@link #WARMUP_NANOS}. May be called again to continue.
   */
  public void run(long durationNanos) {
    if (loopThreadTid < 0) {
      loopThreadTid = NativeThreadId.current();
    }
    long unlimited = Long.MAX_VALUE / 4;
    long total = durationNanos > 0 ? durationNanos : unlimited;
    startNanos = clock.nanoTime();
    long a0 = AllocationCounter.currentThreadAllocatedBytes();
    long warm = Math.min(WARMUP_NANOS, total);
    scheduler.runFor(warm);
    long aWarm = AllocationCounter.currentThreadAllocatedBytes();
    long ticksWarm = data.servoTicks;
    boolean steady = !scheduler.stopRequested() && total > WARMUP_NANOS;
    if (steady) {
      scheduler.runFor(total - warm);
    }
    long a1 = AllocationCounter.currentThreadAllocatedBytes();
    endNanos = clock.nanoTime();
    allocatedBytes = a0 < 0 ? -1 : a1 - a0;
    steadyAllocatedBytes = a0 < 0 || !steady ? -1 : a1 - aWarm;
    steadyServoTicks = steady ? data.servoTicks - ticksWarm : 0;
  }

  /**
   * Runs the loop on a new thread ("ganglion-loop", maximum Java priority) for
   * {@code durationNanos} (or until stopped), then drives the outputs safe
   * ({@link #shutdownOutputs()}) on that thread.
   */
  public Thread start(long durationNanos) {
    Thread t = new Thread(() -> {
      try {
        run(durationNanos);
      } finally {
        shutdownOutputs();
      }
    }, "ganglion-loop");
    t.setPriority(Thread.MAX_PRIORITY);
    t.start();
    return t;
  }

  /** Asks the loop to stop after the task it is running; callable from any thread. */
  public void requestStop() {
    scheduler.requestStop();
  }

  /** Times {@link #shutdownOutputs} writes the safe values before it gives up. */
  public static final int SHUTDOWN_ATTEMPTS = 5;
  /** Wall time between two of those attempts (a transient bus fault, a chip re-initialisation). */
  public static final long SHUTDOWN_RETRY_MILLIS = 30;

  /**
   * Disarms (a {@code SHUTDOWN} transition when armed or in failsafe), drives every output to its
   * safe value and turns the status LED off. When the servo IO reports that the safe values did not
   * reach the hardware ({@code safeApplied} false: a bus error, a chip that does not answer), the
   * write is retried up to {@value #SHUTDOWN_ATTEMPTS} times, {@value #SHUTDOWN_RETRY_MILLIS} ms
   * apart. Call on the loop thread after the loop returned (or from any thread once it is known to
   * have ended).
   *
   * @return whether the outputs hold their safe values
   */
  public boolean shutdownOutputs() {
    long now = clock.nanoTime();
    if (failsafe.state() != ArmState.DISARMED) {
      failsafe.disarm(now, FailsafeReason.SHUTDOWN);
    }
    for (int attempt = 1; ; attempt++) {
      io.servo().applySafe();
      io.servo().updateInputs(data.servo);
      if (data.servo.safeApplied || attempt >= SHUTDOWN_ATTEMPTS) {
        break;
      }
      try {
        Thread.sleep(SHUTDOWN_RETRY_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        io.servo().applySafe();
        io.servo().updateInputs(data.servo);
        break;
      }
    }
    io.led().setPattern(LedPattern.OFF);
    io.led().apply(now);
    return data.servo.safeApplied;
  }

  /** The run's statistics; call once the loop has stopped. */
  public LoopReport report() {
    return new LoopReport(LoopReport.of(scheduler.stats()), clock.isVirtual(), (endNanos - startNanos) / 1e9,
        failsafe.state(), failsafe.trips(), failsafe.transitions(), failsafe.refusedRequests(), data.servoTicks,
        data.lawSteps, data.clampedCommands, allocatedBytes, steadyAllocatedBytes, steadyServoTicks,
        WARMUP_NANOS / 1e9);
  }

  public LoopClock clock() {
    return clock;
  }

  public RobotIo io() {
    return io;
  }

  public ControlLaw law() {
    return law;
  }

  public FirmwareSettings settings() {
    return settings;
  }

  public Failsafe failsafe() {
    return failsafe;
  }

  /** Arm/disarm/re-arm requests, from any thread. */
  public FailsafeRequests requests() {
    return requests;
  }

  public LoopScheduler scheduler() {
    return scheduler;
  }

  /** The tasks' shared data (read it on the loop thread or after the loop ended). */
  public LoopData data() {
    return data;
  }

  /** The loop thread's Linux TID once it started (-1 before, or off Linux). */
  public long loopThreadTid() {
    return loopThreadTid;
  }

  private static final class Extra {
    final String name;
    final long periodNanos;
    final long phaseNanos;
    final PeriodicTask task;

    Extra(String name, long periodNanos, long phaseNanos, PeriodicTask task) {
      this.name = name;
      this.periodNanos = periodNanos;
      this.phaseNanos = phaseNanos;
      this.task = task;
    }
  }

  /** Builds a {@link Firmware}. */
  public static final class Builder {
    private final LoopClock clock;
    private final RobotIo io;
    private final ControlLaw law;
    private final FirmwareSettings settings;
    private ActuatorLimits limits;
    private EventSink events = EventSink.NONE;
    private TelemetryTap tap = TelemetryTap.NONE;
    private LinkHealth link = LinkHealth.ALWAYS_UP;
    private final List<Extra> extras = new ArrayList<>();

    private Builder(LoopClock clock, RobotIo io, ControlLaw law, FirmwareSettings settings) {
      this.clock = clock;
      this.io = io;
      this.law = law;
      this.settings = settings;
    }

    /** Command limits per channel (default [-1, 1]). */
    public Builder limits(ActuatorLimits limits) {
      this.limits = limits;
      return this;
    }

    /** Where failsafe transitions go (default: nowhere). */
    public Builder events(EventSink events) {
      this.events = events;
      return this;
    }

    /** Where telemetry frames go (default: nowhere). */
    public Builder telemetry(TelemetryTap tap) {
      this.tap = tap;
      return this;
    }

    /** The external link to watch (default: none, always up). */
    public Builder link(LinkHealth link) {
      this.link = link;
      return this;
    }

    /** Adds a task after the firmware's own (a simulated world, a recorder), in call order. */
    public Builder task(String name, long periodNanos, long phaseNanos, PeriodicTask task) {
      extras.add(new Extra(name, periodNanos, phaseNanos, task));
      return this;
    }

    public Firmware build() {
      return new Firmware(this);
    }
  }
}
