package io.ganglion.firmware.telemetry;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.failsafe.FailsafeRequests;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.DriveLaw;
import io.ganglion.firmware.law.NcapLaw;
import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.telemetry.command.Command;
import io.ganglion.telemetry.command.CommandHandler;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Verified commands into the loop. The MQTT thread ({@link #onCommand}, after the signature,
 * freshness and replay checks) validates a command and puts it on a lock-free queue; the loop's
 * {@code commands} task ({@link #run}) takes what is queued and applies it at its next period:
 *
 * <ul>
 *   <li>{@code arm}, {@code disarm}, {@code rearm}: the failsafe's requests (applied at the next
 *       servo tick; a re-arm is refused while a fault is active);
 *   <li>{@code set} with {@code {"name": N, "value": X}}: {@code speed} (ncap, [0, 1]),
 *       {@code turn_right} / {@code turn_left} (ncap, [0, 1]), {@code v_m_s} / {@code w_rad_s}
 *       (drive).
 * </ul>
 *
 * An unknown verb or parameter, a value that is not a finite number, or one out of range throws on
 * the MQTT thread, which reports it as a {@code command_failed} event. The loop side allocates nothing
 * (except the drive law's new setpoint record when v or w changes).
 */
public final class LoopCommands implements CommandHandler, PeriodicTask {

  private static final int ARM = 0;
  private static final int DISARM = 1;
  private static final int REARM = 2;
  private static final int SPEED = 3;
  private static final int TURN_RIGHT = 4;
  private static final int TURN_LEFT = 5;
  private static final int V = 6;
  private static final int W = 7;

  private record Queued(int what, double value) {}

  private final ConcurrentLinkedQueue<Queued> queue = new ConcurrentLinkedQueue<>();
  private volatile FailsafeRequests requests;
  private volatile ControlLaw law;
  private final AtomicLong applied = new AtomicLong();
  private AppliedListener listener;

  /** Told about every command the loop applies (a tick log records them for replay); loop thread, no allocation. */
  @FunctionalInterface
  public interface AppliedListener {
    /** The loop applied command {@code what} (an internal code) with {@code value}. */
    void applied(int what, double value);
  }

  /** Sets the listener (before the loop starts). */
  public void listener(AppliedListener l) {
    this.listener = l;
  }
  private double turnRight;
  private double turnLeft;

  /**
   * @param requests the firmware's requests, or null to {@link #bind} them once the firmware is built
   * @param law the law whose parameters {@code set} changes, or null to bind it later
   */
  public LoopCommands(FailsafeRequests requests, ControlLaw law) {
    this.requests = requests;
    this.law = law;
  }

  /** Sets the firmware's requests and law (before the loop starts). */
  public void bind(FailsafeRequests r, ControlLaw l) {
    this.requests = r;
    this.law = l;
  }

  @Override
  public void onCommand(Command c) {
    switch (c.verb()) {
      case "arm" -> queue.add(new Queued(ARM, 0));
      case "disarm" -> queue.add(new Queued(DISARM, 0));
      case "rearm" -> queue.add(new Queued(REARM, 0));
      case "set" -> queue.add(parameter(c));
      default -> throw new InvalidInputException("unknown verb '" + c.verb() + "'; use arm, disarm, rearm or set");
    }
  }

  private Queued parameter(Command c) {
    ControlLaw law = this.law;
    String name = c.argText("name");
    double value = c.argDouble("value", Double.NaN);
    if (!Double.isFinite(value)) {
      throw new InvalidInputException("set needs a finite number 'value'");
    }
    boolean ncap = law instanceof NcapLaw;
    boolean drive = law instanceof DriveLaw;
    int what;
    if ("speed".equals(name) && ncap) {
      what = SPEED;
    } else if ("turn_right".equals(name) && ncap) {
      what = TURN_RIGHT;
    } else if ("turn_left".equals(name) && ncap) {
      what = TURN_LEFT;
    } else if ("v_m_s".equals(name) && drive) {
      what = V;
    } else if ("w_rad_s".equals(name) && drive) {
      what = W;
    } else {
      throw new InvalidInputException("law " + (law == null ? "(none)" : law.name()) + " has no parameter '" + name + "'; "
          + (ncap ? "use speed, turn_right or turn_left" : drive ? "use v_m_s or w_rad_s" : "it takes none"));
    }
    if (what <= TURN_LEFT && (value < 0 || value > 1)) {
      throw new InvalidInputException(name + " " + value + " is outside [0, 1]");
    }
    return new Queued(what, value);
  }

  /** Applies every queued command (the loop's {@code commands} task). */
  @Override
  public void run(long nowNanos) {
    for (Queued q; (q = queue.poll()) != null; ) {
      if (listener != null) {
        listener.applied(q.what, q.value);
      }
      apply(q.what, q.value);
    }
  }

  /** Applies one command by its code (the loop's task, or a replay of a recorded run). */
  public void apply(int what, double value) {
    ControlLaw law = this.law;
    switch (what) {
      case ARM -> requests.requestArm();
      case DISARM -> requests.requestDisarm();
      case REARM -> requests.requestRearm();
      case SPEED -> ((NcapLaw) law).setSpeed(value);
      case TURN_RIGHT -> {
        turnRight = value;
        ((NcapLaw) law).setTurn(turnRight, turnLeft);
      }
      case TURN_LEFT -> {
        turnLeft = value;
        ((NcapLaw) law).setTurn(turnRight, turnLeft);
      }
      // the other component is the one the law holds now, not a copy taken at bind time: the
      // setpoint may have been set since (sim navigate's --v/--w are applied after the binding)
      case V -> ((DriveLaw) law).setCommand(value, ((DriveLaw) law).command().wRadS());
      case W -> ((DriveLaw) law).setCommand(((DriveLaw) law).command().vMS(), value);
      default -> {
        return;
      }
    }
    applied.incrementAndGet();
  }

  /** Commands applied by the loop so far. */
  public long applied() {
    return applied.get();
  }
}
