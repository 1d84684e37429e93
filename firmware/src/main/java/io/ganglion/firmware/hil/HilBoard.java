package io.ganglion.firmware.hil;

import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.core.ActuatorLimits;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.core.RobotIo;
import io.ganglion.firmware.failsafe.EventSink;
import io.ganglion.firmware.failsafe.HeartbeatLinkHealth;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.ControlLaws;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.firmware.tap.TelemetryTap;
import io.ganglion.firmware.telemetry.BoardPublishing;
import io.ganglion.firmware.telemetry.BoardTelemetry;
import io.ganglion.sim.io.EStopIOSim;
import io.ganglion.sim.io.StatusLedIOSim;
import io.ganglion.telemetry.hil.HilBoardLink;
import io.ganglion.telemetry.hil.HilFrame;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The board side of a HIL run ({@code ganglion run --config FILE --io hil --broker URL --session
 * ID}): the board file's firmware (law, failsafe, task periods, limits) with HIL implementations of
 * its IO seams ({@link EncoderIOHil}, {@link ImuIOHil}, {@link ServoIOHil}; the e-stop and LED are
 * simulated, released), on a virtual clock driven by the simulator's frames. For each sensor frame
 * of simulated time t: run the releases before t (old readings), take the frame, run the releases
 * at t (encoders, controller, servo...), answer with what the outputs hold. So the controller runs
 * once per frame with the frame's readings, as in a local simulation.
 *
 * <p>Link loss: when no frame arrives within {@code linkTimeoutNanos} of wall time, the link is
 * marked lost and the loop runs one servo period, in which the failsafe trips ({@code LINK_LOST}:
 * outputs safe, an event); it keeps waiting, and answers later frames with the safe outputs (a
 * failsafe needs an explicit re-arm).
 */
public final class HilBoard implements AutoCloseable {

  /**
   * @param session the HIL session id
   * @param linkTimeoutNanos wall time without a frame after which the link counts as lost
   * @param autoArm arm at the first healthy tick
   * @param giveUpNanos stop when no frame came for this long (0: wait forever)
   */
  public record Options(String session, long linkTimeoutNanos, boolean autoArm, long giveUpNanos) {}

  /**
   * What a run did.
   *
   * @param ended the simulator ended the run (its END message)
   * @param gaveUp no frame came for {@code giveUpNanos}: the board stopped waiting
   * @param linkLost the link was lost when the run stopped
   * @param linkLosses times the link was lost (each trips the failsafe when armed)
   */
  public record Result(long frames, long duplicates, boolean ended, boolean gaveUp, boolean linkLost, long linkLosses,
      io.ganglion.firmware.core.LoopReport loop, double wallSeconds) {}

  private final BoardConfig config;
  private final Options options;
  private final VirtualClock clock = new VirtualClock();
  private final HilInputs inputs;
  private final ServoIOHil servo;
  private final HeartbeatLinkHealth link = new HeartbeatLinkHealth(Long.MAX_VALUE / 4);
  private final Firmware firmware;
  private final HilBoardLink hil;
  private final BoardTelemetry mqtt;
  private volatile boolean stop;

  private HilBoard(BoardConfig config, MqttSettings mqttSettings, Options options, EventSink log, String firmwareVersion)
      throws InterruptedException {
    this.config = config;
    this.options = options;
    int joints = config.jointCount();
    this.inputs = new HilInputs(joints, HilSensorLayout.sensorWords(joints, true));
    List<EncoderIO> encoders = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < joints; j++) {
      encoders.add(new EncoderIOHil(inputs, j, clock));
      names.add(config.encoders().get(j).name());
    }
    this.servo = new ServoIOHil(config.joints(), clock);
    RobotIo io = new RobotIo(servo, config.pwm().name(), encoders, names, config.imu() == null ? null : new ImuIOHil(inputs, clock),
        config.imu() == null ? "" : config.imu().name(), new EStopIOSim(clock), config.estop().name(), new StatusLedIOSim(),
        List.of());
    ControlLaw law = ControlLaws.create(config.law());
    this.mqtt = BoardPublishing.start(config, mqttSettings.serverUri(), law, firmwareVersion, () -> clock.nanoTime() / 1_000,
        System.getenv());
    FirmwareSettings settings = FirmwareSettings.from(config).withAutoArm(options.autoArm());
    if (mqtt != null && settings.telemetryPeriodNanos() == 0) {
      settings = BoardPublishing.withTelemetryPeriod(settings, settings.controllerPeriodNanos());
    }
    Firmware.Builder b = Firmware.builder(clock, io, law, settings).limits(ActuatorLimits.of(config.joints()))
        .events(mqtt == null ? log : EventSink.both(log, mqtt.events()))
        .telemetry(mqtt == null ? TelemetryTap.NONE : mqtt.tap())
        .link(link);
    if (mqtt != null && mqtt.commands() != null) {
      b.task("commands", settings.servoPeriodNanos(), 0, mqtt.commands());
    }
    this.firmware = b.build();
    if (mqtt != null && mqtt.commands() != null) {
      mqtt.commands().bind(firmware.requests(), law);
    }
    try {
      this.hil = HilBoardLink.connect(mqttSettings, options.session(), Math.max(inputs.values.length, 1 + joints), 10_000);
    } catch (RuntimeException e) {
      if (mqtt != null) {
        mqtt.close();
      }
      throw e;
    }
  }

  /** Connects to the broker and assembles the firmware; nothing runs yet. */
  public static HilBoard open(BoardConfig config, MqttSettings mqtt, Options options, EventSink log, String firmwareVersion)
      throws InterruptedException {
    return new HilBoard(config, mqtt, options, log, firmwareVersion);
  }

  /** The firmware (its report, failsafe). */
  public Firmware firmware() {
    return firmware;
  }

  /** The HIL link's counters. */
  public HilBoardLink link() {
    return hil;
  }

  /** Asks {@link #run} to return; callable from any thread. */
  public void requestStop() {
    stop = true;
    firmware.requestStop();
  }

  /**
   * Serves sensor frames until the simulator ends the run, {@link #requestStop()}, or no frame for
   * {@code giveUpNanos}. Drives the outputs safe at the end.
   *
   * @param log where link loss and recovery are reported
   */
  public Result run(PrintStream log) {
    long wall0 = System.nanoTime();
    LoopScheduler scheduler = firmware.scheduler();
    HilFrame frame = new HilFrame(inputs.values.length);
    double[] out = new double[1 + config.jointCount()];
    long frames = 0;
    long losses = 0;
    boolean lost = false;
    boolean ended = false;
    boolean gaveUp = false;
    long silentSince = System.nanoTime();
    long servoPeriod = firmware.settings().servoPeriodNanos();
    while (!stop) {
      HilFrame.Kind kind = hil.awaitSensors(frame, waitNanos(System.nanoTime() - silentSince));
      if (kind == null) {
        long silent = System.nanoTime() - silentSince;
        if (!lost && inputs.any() && silent >= options.linkTimeoutNanos()) {
          lost = true;
          losses++;
          link.markLost();
          log.printf(java.util.Locale.ROOT, "ganglion: HIL link lost: no sensor frame for %.0f ms (timeout %.0f ms)%n",
              silent / 1e6, options.linkTimeoutNanos() / 1e6);
          log.flush();
          scheduler.runUntil(clock.nanoTime() + servoPeriod + 1); // one servo period: the failsafe trips
        }
        if (options.giveUpNanos() > 0 && silent >= options.giveUpNanos()) {
          log.printf(java.util.Locale.ROOT, "ganglion: HIL: giving up after %.1f s without a frame%n", silent / 1e9);
          gaveUp = true;
          break;
        }
        continue;
      }
      silentSince = System.nanoTime();
      if (kind == HilFrame.Kind.END) {
        ended = true;
        break;
      }
      if (lost) {
        lost = false;
        log.println("ganglion: HIL link back at step " + frame.seq() + " (the failsafe holds until re-armed)");
        log.flush();
      }
      long t = frame.tUs() * 1_000;
      scheduler.runUntil(t);                 // releases before t, with the previous readings
      inputs.set(frame.values(), frame.count(), t);
      link.beat(t);
      scheduler.runUntil(t + 1);             // releases at t: encoders, controller, servo, ...
      int n = servo.actuators(out);
      hil.answer(frame.seq(), frame.tUs(), out, n);
      frames++;
    }
    firmware.shutdownOutputs();
    return new Result(frames, hil.duplicates(), ended, gaveUp, lost, losses, firmware.report(),
        (System.nanoTime() - wall0) / 1e9);
  }

  /** Closes the HIL link and the telemetry publisher. */
  @Override
  public void close() {
    hil.close();
    if (mqtt != null) {
      mqtt.close();
    }
  }

  /**
   * How long to wait for the next frame after {@code silentNanos} without one: until the link
   * timeout, or until the give-up time when that comes first (so a give-up shorter than the link
   * timeout is kept), at least 1 ms.
   */
  private long waitNanos(long silentNanos) {
    long timeout = options.linkTimeoutNanos();
    long wait = silentNanos < timeout ? timeout - silentNanos : timeout;
    if (options.giveUpNanos() > 0) {
      wait = Math.min(wait, options.giveUpNanos() - silentNanos);
    }
    return Math.max(wait, 1_000_000L);
  }

  /** The wall-clock timeout in ms, for messages. */
  public long linkTimeoutMillis() {
    return TimeUnit.NANOSECONDS.toMillis(options.linkTimeoutNanos());
  }
}
