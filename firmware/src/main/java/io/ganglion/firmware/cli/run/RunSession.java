package io.ganglion.firmware.cli.run;

import com.pi4j.context.Context;
import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.Pi4jContexts;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.firmware.board.Pi4jRobotIo;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.core.ActuatorLimits;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.core.LoopReport;
import io.ganglion.firmware.core.RobotIo;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.ControlLaws;
import io.ganglion.firmware.runtime.LoopClock;
import io.ganglion.firmware.runtime.RealTimeClock;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.firmware.tap.LoggingEventSink;
import io.ganglion.firmware.tap.LoggingTelemetryTap;
import io.ganglion.firmware.tap.TelemetryTap;
import io.ganglion.firmware.telemetry.BoardPublishing;
import io.ganglion.firmware.telemetry.BoardTelemetry;
import io.ganglion.firmware.ticklog.TickConfig;
import io.ganglion.firmware.ticklog.TickRecorder;
import io.ganglion.firmware.world.MockBoard;
import java.io.PrintStream;
import java.util.List;

/**
 * One {@code ganglion run}: the composition root. Builds the drivers a board file describes (on
 * the real board's Pi4J context, or on chip fakes coupled to the file's sim model with
 * {@code --mock}), the law, the failsafe and the loop; runs it; and, once it stopped, drives the
 * outputs safe, closes the drivers and reports. {@link #finish()} is idempotent and thread-safe, so
 * the normal end and a shutdown hook (Ctrl-C, SIGTERM) can both call it.
 */
public final class RunSession {

  /** How to run. */
  public record Options(boolean mock, boolean virtualTime, boolean autoArm, boolean logTelemetry, long seed,
      String broker, java.nio.file.Path record) {

    /** Options without a command-line broker (telemetry only when the board file names one) or tick log. */
    public Options(boolean mock, boolean virtualTime, boolean autoArm, boolean logTelemetry, long seed) {
      this(mock, virtualTime, autoArm, logTelemetry, seed, null, null);
    }
  }

  /** How long a run waits for a broker given with --broker before it fails. */
  public static final long BROKER_WAIT_MILLIS = 5_000;

  /**
   * What {@link #finish()} produced.
   *
   * @param safeApplied whether the PWM outputs hold their safe values after shutdown
   * @param unsafeReason when not: the PWM device and what it reports (faults, bus errors), else null
   * @param telemetry the MQTT publisher's final counters (after it drained and disconnected), or
   *     null when the run published nothing
   */
  public record Result(LoopReport loop, List<FailsafeEvent> events, double[] commands, double[] pulseWidthUs,
      double[] registerPulseWidthUs, boolean safeApplied, String unsafeReason, java.util.Map<String, Long> telemetry,
      String closeProblem) {}

  private final BoardConfig config;
  private final Options options;
  private final LoopClock clock;
  private final MockBoard mock;
  private final RobotIo io;
  private final TickRecorder recorder;
  private final Firmware firmware;
  private final LoggingEventSink events;
  private final LoggingTelemetryTap telemetryLog;
  private final BoardTelemetry mqtt;
  private Thread loopThread;
  private final java.util.concurrent.CountDownLatch virtualLoopDone = new java.util.concurrent.CountDownLatch(1);
  private Result result;
  private long originNanos;

  private RunSession(BoardConfig config, Options options, PrintStream log) {
    this.config = config;
    this.options = options;
    this.clock = options.virtualTime() ? new VirtualClock() : new RealTimeClock(config.loop().spinNanos());
    // every failure below closes what was opened before it (in reverse order): the drivers and the
    // Pi4J context, the tick log's file, the log printers, the MQTT client
    java.util.ArrayDeque<AutoCloseable> opened = new java.util.ArrayDeque<>();
    try {
      RobotIo rawIo;
      if (options.mock()) {
        mock = MockBoard.create(config, clock, options.seed());
        rawIo = mock.io();
      } else {
        mock = null;
        Context context = Pi4jContexts.raspberryPi();
        rawIo = Pi4jRobotIo.open(context, config, clock, List.of(context::shutdown));
      }
      opened.push(rawIo::closeQuietly);
      recorder = options.record() == null ? null : TickRecorder.create(options.record(), clock);
      if (recorder != null) {
        opened.push(recorder);
      }
      io = recorder == null ? rawIo : recorder.wrap(rawIo);
      ControlLaw law = ControlLaws.create(config.law());
      events = new LoggingEventSink(log, "ganglion: ", !options.virtualTime());
      opened.push(events::close);
      telemetryLog = options.logTelemetry() ? new LoggingTelemetryTap(io.joints(), io.servo().channelCount(), log, 1000)
          : null;
      if (telemetryLog != null) {
        opened.push(telemetryLog::close);
      }
      // A mock or virtual-time run is a trial on a laptop: it publishes only to a broker given with
      // --broker, never in the background to the board file's broker (which is not there).
      // A broker given with --broker must answer before the loop starts (else the run fails), so that
      // a short or virtual-time run publishes from its first tick.
      mqtt = BoardPublishing.start(config, options.broker(), !options.virtualTime() && !options.mock(), law,
          VersionProvider.version(), () -> clock.nanoTime() / 1_000, System.getenv(), BROKER_WAIT_MILLIS);
      if (mqtt != null) {
        opened.push(mqtt);
      }
      firmware = assemble(law, settings());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeAll(opened, e);
      throw new GanglionException("interrupted while starting telemetry", e);
    } catch (RuntimeException | Error e) {
      closeAll(opened, e);
      throw e;
    }
  }

  private FirmwareSettings settings() {
    FirmwareSettings settings = FirmwareSettings.from(config).withAutoArm(options.autoArm());
    if (mqtt != null && settings.telemetryPeriodNanos() == 0) {
      settings = BoardPublishing.withTelemetryPeriod(settings, settings.controllerPeriodNanos());
    }
    return settings;
  }

  /** The firmware on {@link #io}, with telemetry, commands, the mock world and the tick recorder hooked in. */
  private Firmware assemble(ControlLaw law, FirmwareSettings settings) {
    TelemetryTap tap = telemetryLog == null ? TelemetryTap.NONE : telemetryLog;
    if (mqtt != null) {
      TelemetryTap logTap = tap;
      TelemetryTap mqttTap = mqtt.tap();
      tap = logTap == TelemetryTap.NONE ? mqttTap : frame -> {
        logTap.offer(frame);
        mqttTap.offer(frame);
      };
    }
    Firmware.Builder b = Firmware.builder(clock, io, law, settings)
        .limits(ActuatorLimits.of(config.joints()))
        .events(mqtt == null ? events : EventSink.both(events, mqtt.events()))
        .telemetry(tap);
    if (mqtt != null && mqtt.commands() != null) {
      b.task("commands", settings.servoPeriodNanos(), 0, mqtt.commands());
    }
    if (mock != null) {
      b.task(mock.world().name(), mock.world().periodNanos(), 0, mock.world());
    }
    Firmware built = b.build();
    if (mqtt != null && mqtt.commands() != null) {
      mqtt.commands().bind(built.requests(), law);
    }
    if (recorder != null) {
      recorder.begin(TickConfig.of(config, settings, built.scheduler(), recorder.layouts(),
          VersionProvider.version(), options.mock() ? "mock" : "board"), built.scheduler());
      if (mqtt != null && mqtt.commands() != null) {
        mqtt.commands().listener(recorder);
      }
    }
    return built;
  }

  private static void closeAll(java.util.Deque<AutoCloseable> opened, Throwable failure) {
    for (AutoCloseable c : opened) { // last opened first
      try {
        c.close();
      } catch (Exception | Error e) {
        failure.addSuppressed(e);
      }
    }
  }

  /**
   * Opens the board (real or mock) and assembles the firmware; nothing runs yet.
   *
   * @param log where failsafe transitions (and telemetry with logTelemetry) are printed
   */
  public static RunSession open(BoardConfig config, Options options, PrintStream log) {
    return new RunSession(config, options, log);
  }

  /**
   * Runs for {@code durationNanos} of loop time (or until {@link #requestStop()} when &lt;= 0): on a
   * dedicated thread in real time, on the calling thread in virtual time (which then returns when
   * done). Outputs are driven safe on the loop thread when it ends.
   */
  public void start(long durationNanos) {
    originNanos = clock.nanoTime();
    events.setOriginNanos(originNanos);
    if (telemetryLog != null) {
      telemetryLog.setOriginNanos(originNanos);
    }
    if (options.virtualTime()) {
      try {
        firmware.run(durationNanos);
      } finally {
        firmware.shutdownOutputs();
        virtualLoopDone.countDown();
      }
    } else {
      // collect the start-up garbage (config parsing, Pi4J context, drivers) now, not as a pause
      // inside the loop's first second (a young collection of ~17 MB took 20 ms with SerialGC here)
      System.gc();
      loopThread = firmware.start(durationNanos);
    }
  }

  /** Asks the loop to stop; callable from any thread (a signal handler). */
  public void requestStop() {
    firmware.requestStop();
  }

  /** Waits for the loop thread to end (at most {@code millis}, 0 = forever); true when it ended. */
  public boolean awaitLoop(long millis) throws InterruptedException {
    if (options.virtualTime()) {
      // the loop runs on the caller of start(): a signal handler waits for it to return
      return millis == 0 ? waitForever() : virtualLoopDone.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    if (loopThread == null) {
      return true;
    }
    loopThread.join(millis);
    return !loopThread.isAlive();
  }

  private boolean waitForever() throws InterruptedException {
    virtualLoopDone.await();
    return true;
  }

  /**
   * Once the loop ended (or did not end within 2 s: then outputs are driven safe from here, best
   * effort): closes the drivers and the logs and returns the report. Later calls return the same.
   */
  public synchronized Result finish() {
    if (result != null) {
      return result;
    }
    boolean ended;
    try {
      firmware.requestStop();
      ended = awaitLoop(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ended = false;
    }
    if (!ended) {
      firmware.shutdownOutputs();
    }
    var servo = firmware.data().servo;
    double[] registers = null;
    if (mock != null) {
      FakePca9685 pwm = mock.fakes().fake(config.pwm().name(), FakePca9685.class);
      registers = new double[config.jointCount()];
      for (int i = 0; i < registers.length; i++) {
        registers[i] = pwm.pulseWidthUs(config.joints().get(i).channel());
      }
    }
    LoopReport report = firmware.report();
    events.close();
    if (telemetryLog != null) {
      telemetryLog.close();
    }
    java.util.Map<String, Long> published = null;
    if (mqtt != null) {
      mqtt.close(); // drains the ring and sends what the loop offered, publishes offline (shutdown), disconnects
      published = mqtt.publisher().counters();
    }
    if (recorder != null) {
      recorder.close();
    }
    String closeProblem = io.closeQuietly();
    String unsafe = servo.safeApplied ? null : "PWM device '" + io.servoName() + "' reports "
        + DeviceFaults.describe(servo.faultFlags) + " (" + servo.busErrorCount + " bus errors) after "
        + Firmware.SHUTDOWN_ATTEMPTS + " attempts";
    result = new Result(report, events.history(), servo.commands.clone(), servo.pulseWidthUs.clone(), registers,
        servo.safeApplied, unsafe, published, closeProblem);
    return result;
  }

  /** When {@link #start} was called, on the loop clock: event times are relative to it. */
  public long originNanos() {
    return originNanos;
  }

  public BoardConfig config() {
    return config;
  }

  public Options options() {
    return options;
  }

  public Firmware firmware() {
    return firmware;
  }

  /** The tick recorder (null without --record). */
  public TickRecorder recorder() {
    return recorder;
  }

  /** The MQTT side (null when the board publishes nothing). */
  public BoardTelemetry mqtt() {
    return mqtt;
  }

  /** The mock board (null on a real board). */
  public MockBoard mock() {
    return mock;
  }

  /** The loop thread's Linux TID, waiting up to 1 s for the loop to start (-1 if unknown). */
  public long loopThreadTid() {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (firmware.loopThreadTid() < 0 && System.nanoTime() < deadline && loopThread != null && loopThread.isAlive()) {
      Thread.onSpinWait();
    }
    return firmware.loopThreadTid();
  }
}
