package io.ganglion.firmware.hil;

import io.ganglion.telemetry.hil.HilFrame;
import io.ganglion.telemetry.hil.HilSimulatorLink;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;

/**
 * The simulator side of a lock-step HIL session: for step n = 0, 1, ...: read the world's sensors
 * at t = n step, exchange them for the board's actuators of step n ({@link HilSimulatorLink}), step
 * the world. When the board does not answer within {@code linkTimeoutNanos} the simulation pauses
 * (nothing advances; the sensors are retransmitted) and says so; it resumes when the board answers,
 * or gives up after {@code giveUpNanos}. Ends the session with an {@code END} frame, sent again until
 * the board acknowledges it or {@link #END_TIMEOUT_NANOS} (at most the link timeout) passes.
 */
public final class HilServer {

  /** The longest wait for the board's acknowledgement of the end (a board that gave up never sends one). */
  static final long END_TIMEOUT_NANOS = 2_000_000_000L;

  /**
   * @param steps exchanges to run
   * @param retransmitNanos resend the sensors after this long without an answer
   * @param linkTimeoutNanos report a pause after this long
   * @param giveUpNanos stop after this long paused (0: never)
   */
  public record Options(long steps, long retransmitNanos, long linkTimeoutNanos, long giveUpNanos) {}

  /**
   * What the session did.
   *
   * @param steps exchanges completed
   * @param completed all requested steps ran
   * @param pauses times the board went silent for longer than the link timeout
   * @param pausedSeconds total wall time paused
   * @param retransmits sensor frames sent again
   * @param stepsPerSecond completed exchanges per wall second (pauses included)
   * @param wallSeconds the session's wall time
   * @param endAcknowledged the board acknowledged the END frame
   */
  public record Result(long steps, boolean completed, long pauses, double pausedSeconds, long retransmits,
      double stepsPerSecond, double wallSeconds, boolean endAcknowledged) {}

  private HilServer() {}

  /** Runs the session; {@code progress} gets the completed step count now and then. */
  public static Result serve(HilWorld world, HilSimulatorLink link, Options o, PrintWriter log, LongConsumer progress) {
    double[] sensors = new double[world.sensorWords()];
    HilFrame answer = new HilFrame(Math.max(world.actuatorWords(), 1));
    long start = System.nanoTime();
    long pauses = 0;
    long pausedNanos = 0;
    long done = 0;
    boolean completed = true;
    for (long n = 0; n < o.steps(); n++) {
      long t = n * world.stepNanos();
      int count = world.readSensors(t, sensors);
      if (!link.exchange(n, t / 1_000, sensors, count, answer, o.retransmitNanos(), o.linkTimeoutNanos())) {
        pauses++;
        long pausedAt = System.nanoTime();
        log.printf(Locale.ROOT, "ganglion: HIL: the board did not answer step %d within %.0f ms: simulation paused%n", n,
            o.linkTimeoutNanos() / 1e6);
        log.flush();
        boolean back = false;
        for (long paused = 0; o.giveUpNanos() <= 0 || paused < o.giveUpNanos(); paused = System.nanoTime() - pausedAt) {
          // each try waits a link timeout, or what is left of the give-up time when that is shorter
          long wait = o.giveUpNanos() <= 0 ? o.linkTimeoutNanos() : Math.min(o.linkTimeoutNanos(), o.giveUpNanos() - paused);
          if (link.exchange(n, t / 1_000, sensors, count, answer, o.retransmitNanos(), Math.max(wait, 1_000_000L))) {
            back = true;
            break;
          }
        }
        long paused = System.nanoTime() - pausedAt;
        pausedNanos += paused;
        if (!back) {
          log.printf(Locale.ROOT, "ganglion: HIL: gave up at step %d after %.1f s without the board%n", n, paused / 1e9);
          log.flush();
          completed = false;
          break;
        }
        log.printf(Locale.ROOT, "ganglion: HIL: the board answered again after %.1f s; resumed at step %d%n", paused / 1e9, n);
        log.flush();
      }
      if (!world.step(answer.values(), answer.count())) {
        completed = false;
        done++;
        break;
      }
      done++;
      if ((done & 63) == 0) {
        progress.accept(done);
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long endTimeoutNanos = Math.min(o.linkTimeoutNanos(), END_TIMEOUT_NANOS);
    boolean acknowledged = link.end(done, done * world.stepNanos() / 1_000, o.retransmitNanos(), endTimeoutNanos);
    if (!acknowledged) {
      log.printf(Locale.ROOT, "ganglion: HIL: no acknowledgement of the end of the run within %.0f ms (the board may"
          + " have gone, or ended and its acknowledgement was lost: frames are QoS 0)%n", endTimeoutNanos / 1e6);
      log.flush();
    }
    return new Result(done, completed && done == o.steps(), pauses, pausedNanos / 1e9, link.retransmits(), done / wall, wall,
        acknowledged);
  }
}
