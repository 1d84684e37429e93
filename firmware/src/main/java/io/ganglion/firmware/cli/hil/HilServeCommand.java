package io.ganglion.firmware.cli.hil;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.GiveUpOption;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.OutputFile;
import io.ganglion.firmware.cli.support.Progress;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.firmware.hil.HilServer;
import io.ganglion.firmware.hil.HilSwimmerWorld;
import io.ganglion.sim.swimmer.SwimmerConfig;
import io.ganglion.sim.swimmer.SwimmerCsvWriter;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerRecorder;
import io.ganglion.sim.swimmer.SwimmerRunResult;
import io.ganglion.sim.swimmer.SwimmerState;
import io.ganglion.telemetry.hil.HilSimulatorLink;
import io.ganglion.telemetry.hil.HilTopics;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ganglion hil serve}: the simulator side of a lock-step HIL session. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = {
      "Serve a simulated world to a board over MQTT, in lock-step: each step the simulator publishes the sensors",
      "(hil/<session>/sensors, with a sequence number), waits for the board's actuators for that number",
      "(hil/<session>/actuators) and steps the physics. The board side: ganglion run --config FILE --io hil",
      "--broker URL --session ID. With the same settings the trajectory equals ganglion sim swimmer's, bit for bit.",
      "When the board goes silent the simulation pauses and says so."
    },
    footer = {"", "Example (two terminals):",
      "  ganglion hil serve --world swimmer --steps 1000 --broker tcp://127.0.0.1:1883 --session s1 --csv hil.csv",
      "  ganglion run --config firmware/examples/swimmer6-hil.yaml --io hil --broker tcp://127.0.0.1:1883 --session s1"})
public final class HilServeCommand implements Callable<Integer> {

  @Option(names = "--world", paramLabel = "W", defaultValue = "swimmer",
      description = "swimmer (30 ms steps) or navigate (the differential-drive robot, one step per physics step) (default: ${DEFAULT-VALUE}).")
  String world;

  @Option(names = "--config", paramLabel = "FILE",
      description = "navigate: the board file whose robot to simulate (default: firmware/examples/diffdrive.yaml).")
  Path config;

  @Option(names = "--links", paramLabel = "N", defaultValue = "6", description = "Swimmer links, 3..50 (default: ${DEFAULT-VALUE}).")
  int links;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "1000", description = "Lock-step steps to run: 30 ms"
      + " control steps for swimmer, physics steps of the board file's sim.timestep_ms (1 ms by default) for navigate"
      + " (default: ${DEFAULT-VALUE}).")
  long steps;

  @Option(names = "--random-init", description = "Start from dm_control's random joint angles and heading (drawn with --seed).")
  boolean randomInit;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of --random-init (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin BrokerOptions brokerOptions;

  @Option(names = "--session", paramLabel = "ID", required = true, description = "The HIL session id (the board uses the same).")
  String session;

  @Option(names = "--retransmit-ms", paramLabel = "MS", defaultValue = "100",
      description = "Resend the sensors when no answer came within MS (default: ${DEFAULT-VALUE}).")
  long retransmitMs;

  @Option(names = "--link-timeout-ms", paramLabel = "MS", defaultValue = "1000",
      description = "Pause (and say so) when the board has not answered for MS (default: ${DEFAULT-VALUE}).")
  long linkTimeoutMs;

  @Option(names = "--give-up-s", paramLabel = "S", defaultValue = "0",
      description = "Stop after S seconds paused (default: ${DEFAULT-VALUE} = wait for the board until Ctrl-C).")
  double giveUpS;

  @Option(names = "--csv", paramLabel = "FILE", description = "Write every control step as ganglion sim swimmer --csv does.")
  Path csv;

  @Mixin JsonOption json;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    validate();
    if (world.equals("navigate")) {
      return navigate();
    }
    SwimmerModel model = new SwimmerModel(SwimmerConfig.dmControl(links));
    SwimmerState state = new SwimmerState(model);
    if (randomInit) {
      state.randomize(seed);
    }
    PrintWriter err = spec.commandLine().getErr();
    HilServer.Result r;
    HilSwimmerWorld w;
    try (BrokerOptions.Connection broker = brokerOptions.open(BrokerOptions.clientId("ganglion-hil-sim"), err);
         HilSimulatorLink link = HilSimulatorLink.connect(broker.settings(), session,
             io.ganglion.firmware.hil.HilSensorLayout.sensorWords(model.joints(), true), 10_000);
         OutputFile csvOut = csv == null ? null : OutputFile.create("--csv", csv);
         Writer csvWriter = csvOut == null ? null
             : new BufferedWriter(new OutputStreamWriter(csvOut.open(), StandardCharsets.UTF_8), 1 << 16);
         Progress progress = new Progress("hil", steps, "steps", true)) {
      SwimmerRecorder recorder = csvWriter == null ? (step, s, u) -> { } : new SwimmerCsvWriter(csvWriter, model.joints());
      w = new HilSwimmerWorld(state, recorder);
      err.println("ganglion: serving " + w.name() + " on " + HilTopics.sensors(session) + " via " + broker.url()
          + "; waiting for the board (ganglion run --io hil --session " + session + ")");
      err.flush();
      r = HilServer.serve(w, link, serverOptions(), err, progress::update);
      if (csvWriter != null) {
        csvWriter.flush();
        csvOut.commit();
      }
    }
    SwimmerRunResult s = w.result(r.wallSeconds());
    new Summary()
        .put("world", w.name())
        .put("links", links)
        .put("session", session)
        .put("steps", r.steps())
        .put("completed", r.completed())
        .put("distance_m", s.distanceM())
        .put("path_length_m", s.pathLengthM())
        .put("mean_forward_speed_m_s", s.meanForwardSpeedMS())
        .put("swim_return", s.swimReturn())
        .put("final_nose_x", s.finalNoseX())
        .put("final_nose_y", s.finalNoseY())
        .put("steps_per_s", r.stepsPerSecond())
        .put("pauses", r.pauses())
        .put("paused_s", r.pausedSeconds())
        .put("retransmits", r.retransmits())
        .put("end_acknowledged", r.endAcknowledged())
        .put("wall_s", r.wallSeconds())
        .line("HIL swimmer%d, session %s: %d of %d lock-step steps (%.1f s simulated)%s", links, session, r.steps(), steps,
            r.steps() * 0.03, r.completed() ? "" : ", INCOMPLETE")
        .line("  distance swum by the nose  %8.3f m   (path %.3f m)", s.distanceM(), s.pathLengthM())
        .line("  final nose                 (%.3f, %.3f) m", s.finalNoseX(), s.finalNoseY())
        .line("  lock-step                  %.0f steps/s, %d pauses (%.1f s), %d retransmits, wall %.2f s",
            r.stepsPerSecond(), r.pauses(), r.pausedSeconds(), r.retransmits(), r.wallSeconds())
        .print(spec.commandLine().getOut(), json.enabled());
    return r.completed() ? 0 : 1;
  }

  private int navigate() throws Exception {
    io.ganglion.firmware.config.BoardConfig board = config != null ? io.ganglion.firmware.config.BoardConfigLoader.load(config)
        : io.ganglion.firmware.cli.sim.SimNavigateCommand.builtInBoard();
    io.ganglion.firmware.hil.HilNavigateWorld w = new io.ganglion.firmware.hil.HilNavigateWorld(board);
    PrintWriter err = spec.commandLine().getErr();
    HilServer.Result r;
    try (BrokerOptions.Connection broker = brokerOptions.open(BrokerOptions.clientId("ganglion-hil-sim"), err);
         HilSimulatorLink link = HilSimulatorLink.connect(broker.settings(), session, w.sensorWords(), 10_000);
         Progress progress = new Progress("hil", steps, "steps", true)) {
      err.println("ganglion: serving navigate (" + board.boardId() + ") on " + HilTopics.sensors(session) + " via "
          + broker.url() + "; waiting for the board (ganglion run --io hil --session " + session + ")");
      err.flush();
      r = HilServer.serve(w, link, serverOptions(), err, progress::update);
    }
    var s = w.state();
    new Summary()
        .put("world", w.name())
        .put("board", board.boardId())
        .put("session", session)
        .put("steps", r.steps())
        .put("completed", r.completed())
        .put("simulated_s", s.timeS())
        .put("final_x_m", s.xM())
        .put("final_y_m", s.yM())
        .put("final_heading_deg", s.headingDeg())
        .put("path_length_m", s.pathLengthM())
        .put("steps_per_s", r.stepsPerSecond())
        .put("pauses", r.pauses())
        .put("paused_s", r.pausedSeconds())
        .put("retransmits", r.retransmits())
        .put("end_acknowledged", r.endAcknowledged())
        .put("wall_s", r.wallSeconds())
        .line("HIL navigate (%s), session %s: %d of %d lock-step steps (%.3f s simulated)%s", board.boardId(), session,
            r.steps(), steps, s.timeS(), r.completed() ? "" : ", INCOMPLETE")
        .line("  final pose                 (%.4f, %.4f) m, heading %.2f deg; path %.3f m", s.xM(), s.yM(), s.headingDeg(),
            s.pathLengthM())
        .line("  lock-step                  %.0f steps/s, %d pauses (%.1f s), %d retransmits, wall %.2f s",
            r.stepsPerSecond(), r.pauses(), r.pausedSeconds(), r.retransmits(), r.wallSeconds())
        .print(spec.commandLine().getOut(), json.enabled());
    return r.completed() ? 0 : 1;
  }

  private HilServer.Options serverOptions() {
    return new HilServer.Options(steps, TimeUnit.MILLISECONDS.toNanos(retransmitMs),
        TimeUnit.MILLISECONDS.toNanos(linkTimeoutMs), GiveUpOption.nanos(giveUpS));
  }

  private void validate() {
    if (!world.equals("swimmer") && !world.equals("navigate")) {
      throw new InvalidInputException("--world must be swimmer or navigate, got " + world);
    }
    HilTopics.requireSession(session);
    if (links < SwimmerConfig.MIN_BODIES || links > SwimmerConfig.MAX_BODIES) {
      throw new InvalidInputException("--links must be between 3 and 50, got " + links);
    }
    if (steps <= 0) {
      throw new InvalidInputException("--steps must be positive, got " + steps);
    }
    if (retransmitMs < 1 || retransmitMs > 3_600_000) {
      throw new InvalidInputException("--retransmit-ms must be within 1..3600000 (1 hour), got " + retransmitMs);
    }
    if (linkTimeoutMs > 86_400_000) {
      throw new InvalidInputException("--link-timeout-ms must be at most 86400000 (1 day), got " + linkTimeoutMs);
    }
    if (linkTimeoutMs < retransmitMs) {
      throw new InvalidInputException("--link-timeout-ms must be >= --retransmit-ms (" + retransmitMs + "), got " + linkTimeoutMs);
    }
    GiveUpOption.nanos(giveUpS);
    // what one world takes and the other would silently ignore
    String[] swimmerOnly = {"--links", "--random-init", "--seed", "--csv"};
    String[] navigateOnly = {"--config"};
    boolean navigate = world.equals("navigate");
    for (String o : navigate ? swimmerOnly : navigateOnly) {
      if (spec.commandLine().getParseResult().hasMatchedOption(o)) {
        throw new InvalidInputException(o + " applies to --world " + (navigate ? "swimmer" : "navigate") + " only (got --world "
            + world + ")");
      }
    }
  }
}
