package io.ganglion.firmware.ticklog;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.encoder.EncoderIO;
import io.ganglion.firmware.core.ActuatorLimits;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.core.RobotIo;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.law.ControlLaws;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.firmware.telemetry.LoopCommands;
import io.ganglion.telemetry.record.LogRecord;
import io.ganglion.telemetry.record.RecoveryReport;
import io.ganglion.telemetry.record.TelemetryLogReader;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Re-runs a recorded board run ({@link TickRecorder}) on a PC: rebuilds the same firmware (board
 * file, law, settings, tasks) on replay IO ({@link TickReplayIo}), runs each recorded task run at
 * its recorded time with the recorded inputs and commands, and compares every output write with
 * the recorded one. A deterministic controller gives identical outputs; any difference is counted
 * (with the first one described), and a replay that asks for a record the run did not write stops
 * as diverged. What {@code ganglion replay} runs.
 */
public final class TickReplayer {

  /**
   * What a replay found.
   *
   * @param board the board id
   * @param law the law
   * @param taskRuns task runs replayed
   * @param lawSteps control-law steps in the replay
   * @param outputsCompared output writes compared with the recorded ones
   * @param outputMismatches writes that differed
   * @param firstMismatch the first difference, or null
   * @param diverged why the replay stopped early (it asked for a record the run did not write), or null
   * @param cutShort the log ends inside a task run (a run killed before it closed its log): the replay
   *     compared everything up to there
   * @param finalState the failsafe state at the end of the replay
   * @param log what reading the log found (a torn tail is dropped)
   * @param records records in the log
   */
  public record Result(String board, String law, long taskRuns, long lawSteps, long outputsCompared, long outputMismatches,
      String firstMismatch, String diverged, boolean cutShort, ArmState finalState, RecoveryReport log, long records) {

    /** Identical: every output compared equal and the replay followed the log to its end. */
    public boolean identical() {
      return outputMismatches == 0 && diverged == null && outputsCompared > 0;
    }
  }

  private TickReplayer() {}

  /** Replays {@code file}, reading it as it goes (a log of any length replays in the same memory). */
  public static Result replay(Path file) {
    try (TelemetryLogReader reader = new TelemetryLogReader(file)) {
      return replay(file, reader);
    }
  }

  private static Result replay(Path file, TelemetryLogReader reader) {
    LogRecord first = reader.next();
    if (first == null && !reader.report().clean()) {
      throw new InvalidInputException(file + " ends inside its first record (" + reader.report().problem()
          + "): the run was cut short before its log held anything to replay; record it again");
    }
    if (first == null) {
      // the recorder writes 1 MiB at a time (and at the end): a run killed before that left nothing
      throw new InvalidInputException(file + (reader.report().validBytes() == 0 ? " is empty" : " holds no record")
          + ": the run recording it stopped before its first write to the log (1 MiB at a time, and at the end);"
          + " record it again");
    }
    if (!first.topic().equals(TickTopics.CONFIG)) {
      throw new InvalidInputException(file + " is not a tick log (no tick/config record first); record one with"
          + " ganglion run --record FILE");
    }
    TickConfig.Parsed cfg = TickConfig.parse(first.payload());
    VirtualClock clock = new VirtualClock(first.receiveTimeUs() * 1_000);
    TickCursor cursor = new TickCursor(reader, 1);
    TickReplayIo replay = new TickReplayIo(cursor);
    int joints = cfg.board().jointCount();
    List<EncoderIO> encoders = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int j = 0; j < joints; j++) {
      encoders.add(replay.encoder(j));
      names.add(cfg.board().encoders().get(j).name());
    }
    boolean imu = cfg.layouts().stream().anyMatch(l -> l.startsWith("imu="));
    RobotIo io = new RobotIo(replay.servo(joints), cfg.board().pwm().name(), encoders, names, imu ? replay.imu() : null,
        imu ? cfg.board().imu().name() : "", replay.estop(), cfg.board().estop().name(), null, List.of());
    ControlLaw law = ControlLaws.create(cfg.board().law());
    Firmware.Builder b = Firmware.builder(clock, io, law, cfg.settings()).limits(ActuatorLimits.of(cfg.board().joints()));
    LoopCommands commands = new LoopCommands(null, law);
    int own = ownTaskCount(cfg);
    for (int i = own; i < cfg.taskNames().size(); i++) {
      String name = cfg.taskNames().get(i);
      long period = cfg.periods().get(i);
      if (name.equals("commands")) {
        b.task(name, period, 0, now -> {
          while (TickTopics.CMD.equals(cursor.peekTopic())) {
            ByteBuffer c = cursor.take(TickTopics.CMD);
            commands.apply(c.getInt(), Double.longBitsToDouble(c.getLong()));
          }
        });
      } else {
        b.task(name, period, 0, now -> { }); // a simulated world, a pacer: its effects are in the recorded inputs
      }
    }
    Firmware firmware;
    try {
      firmware = b.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("the tick log's config record describes a firmware that cannot be built ("
          + e.getMessage() + "); record the run again");
    }
    commands.bind(firmware.requests(), law);
    LoopScheduler scheduler = firmware.scheduler();
    if (!scheduler.taskNames().equals(cfg.taskNames())) {
      throw new InvalidInputException("the replayed firmware has tasks " + scheduler.taskNames() + " but the run had "
          + cfg.taskNames() + "; replay with the firmware version that recorded it (" + cfg.json().path("firmware_version").asText() + ")");
    }
    long runs = 0;
    String diverged = null;
    boolean cutShort = false;
    try {
      while (cursor.hasNext()) {
        String topic = cursor.peekTopic();
        if (topic.equals(TickTopics.TASK)) {
          ByteBuffer t = cursor.take(TickTopics.TASK);
          int index = t.getInt();
          long start = t.getLong();
          long deadline = t.getLong();
          clock.sleepUntil(start);
          scheduler.replayRun(index, start, deadline);
          runs++;
        } else if (topic.equals(TickTopics.SKIP)) {
          ByteBuffer t = cursor.take(TickTopics.SKIP);
          scheduler.replaySkipped(t.getInt(), t.getLong());
        } else if (topic.equals(TickTopics.OUT_SERVO)) {
          firmware.shutdownOutputs(); // the run's end: outputs safe, then a last read
        } else {
          throw new TickCursor.Divergence("record " + cursor.position() + " (" + topic + ") was not read by the replay");
        }
      }
    } catch (TickCursor.Divergence d) {
      diverged = d.getMessage();
    } catch (TickCursor.EndOfLog e) {
      cutShort = true;
    }
    RecoveryReport log = cursor.finish();
    return new Result(cfg.board().boardId(), law.name(), runs, firmware.data().lawSteps, replay.outputsCompared,
        replay.outputMismatches, replay.firstMismatch, diverged, cutShort, firmware.failsafe().state(), log, log.records());
  }

  /** The firmware's own tasks: encoders, imu (if any), controller, servo, telemetry (if any). */
  private static int ownTaskCount(TickConfig.Parsed cfg) {
    int n = 3;
    if (cfg.settings().imuPeriodNanos() > 0 && cfg.layouts().stream().anyMatch(l -> l.startsWith("imu="))) {
      n++;
    }
    if (cfg.settings().telemetryPeriodNanos() > 0) {
      n++;
    }
    return n;
  }
}
