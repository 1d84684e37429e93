package io.ganglion.firmware.cli.sim;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigException;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.config.DriveParams;
import io.ganglion.firmware.core.LoopReport;
import io.ganglion.firmware.world.DiffDriveSimulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ganglion sim navigate}: the differential-drive robot and its drive law, in virtual time. */
@Command(
    name = "navigate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Simulate a differential-drive robot (unicycle model with first-order wheel motors) running the",
      "firmware's drive law through the firmware runtime in virtual time: the law holds a body velocity",
      "(v, w), the wheel-speed loop tracks it. The maze-search navigation law is future work: this is the",
      "velocity layer it will command. Prints where the robot went and the speeds it reached."
    },
    footer = {"", "Examples:", "  ganglion sim navigate", "  ganglion sim navigate --v 0.3 --w 0 --seconds 10 --json",
      "  ganglion sim navigate --config firmware/examples/diffdrive.yaml"})
public final class SimNavigateCommand implements Callable<Integer> {

  /** The built-in robot: firmware/examples/diffdrive.yaml, packaged in the jar. */
  static final String DEFAULT_CONFIG = "/io/ganglion/firmware/examples/diffdrive.yaml";

  @Option(names = "--config", paramLabel = "FILE",
      description = "A board file with law drive and sim model diffdrive (default: firmware/examples/diffdrive.yaml).")
  Path config;

  @Option(names = "--v", paramLabel = "M_S", description = "Forward velocity to hold, m/s (default: the board file's law.params.v_m_s).")
  Double v;

  @Option(names = "--w", paramLabel = "RAD_S", description = "Yaw rate to hold, rad/s, counter-clockwise positive (default: the file's w_rad_s).")
  Double w;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "20", description = "Simulated seconds (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Mixin io.ganglion.firmware.cli.support.PublishOptions publish;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    // at least 1 ns: the loop counts whole nanoseconds, and a duration of 0 would run until stopped
    if (!(seconds >= 1e-9 && seconds <= 1e6)) {
      throw new InvalidInputException("--seconds must be a number from 1e-9 up to 1e6, got " + seconds);
    }
    if ((v != null && !Double.isFinite(v)) || (w != null && !Double.isFinite(w))) {
      throw new InvalidInputException("--v and --w must be finite numbers");
    }
    // the ranges of the board file's law.params.v_m_s / w_rad_s (DriveParams)
    if (v != null && Math.abs(v) > DriveParams.MAX_ABS_V_M_S) {
      throw new InvalidInputException("--v must be within +-" + (long) DriveParams.MAX_ABS_V_M_S + " m/s, got " + v);
    }
    if (w != null && Math.abs(w) > DriveParams.MAX_ABS_W_RAD_S) {
      throw new InvalidInputException("--w must be within +-" + (long) DriveParams.MAX_ABS_W_RAD_S + " rad/s, got " + w);
    }
    BoardConfig board;
    try {
      board = config != null ? BoardConfigLoader.load(config) : builtIn();
    } catch (BoardConfigException e) {
      e.getMessage().lines().forEach(System.err::println);
      return 2;
    }
    publish.validate(spec.commandLine().getParseResult());
    SimPublisher publisher = null;
    if (publish.enabled()) {
      try {
        publisher = SimPublisher.start(publish, "drive", board.source() + " v=" + v + " w=" + w, board.jointCount(),
            board.jointCount(), board.imu() != null, io.ganglion.firmware.telemetry.DiffDriveStream.SCHEMA,
            null, spec.commandLine().getErr());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 1;
      }
    }
    try {
      long wall0 = System.nanoTime();
      SimPublisher p = publisher;
      DiffDriveSimulation.Result r = p == null ? DiffDriveSimulation.run(board, v, w, Math.round(seconds * 1e9))
          : DiffDriveSimulation.run(board, v, w, Math.round(seconds * 1e9), (state, law) -> p.hooks(
              out -> new io.ganglion.firmware.telemetry.DiffDriveStream(state, out)).create(law,
              io.ganglion.firmware.core.FirmwareSettings.from(board).controllerPeriodNanos()));
      double wall = (System.nanoTime() - wall0) / 1e9;
      Summary summary = summary(board, r, wall);
      if (p != null) {
        p.close();
        java.util.Map<String, Long> c = p.counters();
        summary.put("telemetry", c).line("  published as robots/%s/ on %s: %d samples offered, %d sent, %d events",
            publish.board(), p.url(), c.get("samples_offered"), c.get("samples_sent"), c.get("events_sent"));
      }
      summary.print(System.out, json.enabled());
      return 0;
    } finally {
      if (publisher != null) {
        publisher.close();
      }
    }
  }

  /** The built-in robot (firmware/examples/diffdrive.yaml from the jar). */
  public static BoardConfig builtInBoard() throws IOException {
    return builtIn();
  }

  private static BoardConfig builtIn() throws IOException {
    try (InputStream in = SimNavigateCommand.class.getResourceAsStream(DEFAULT_CONFIG)) {
      if (in == null) {
        throw new IllegalStateException("the built-in diffdrive.yaml is missing from the jar");
      }
      return BoardConfigLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), Path.of("diffdrive.yaml"), null);
    }
  }

  private static Summary summary(BoardConfig board, DiffDriveSimulation.Result r, double wall) {
    double radius = Math.abs(r.commandWRadS()) > 1e-12 ? r.commandVMS() / r.commandWRadS() : Double.POSITIVE_INFINITY;
    long misses = 0;
    for (LoopReport.TaskReport t : r.loop().tasks()) {
      misses += t.misses();
    }
    Summary s = new Summary()
        .put("board", board.boardId())
        .put("law", "drive")
        .put("simulated_s", r.simulatedS())
        .put("command_v_m_s", r.commandVMS())
        .put("command_w_rad_s", r.commandWRadS())
        .put("mean_v_m_s", r.meanVMS())
        .put("mean_w_rad_s", r.meanWRadS())
        .put("final_x_m", r.finalXM())
        .put("final_y_m", r.finalYM())
        .put("final_heading_deg", r.finalHeadingDeg())
        .put("distance_m", r.distanceM())
        .put("path_length_m", r.pathLengthM())
        .put("physics_steps", r.physicsSteps())
        .put("law_steps", r.lawSteps())
        .put("failsafe_final_state", r.loop().finalState().name())
        .put("failsafe_trips", r.loop().trips())
        .put("deadline_misses", misses)
        .put("wall_s", wall);
    s.line("%s, drive law holding v = %.3f m/s, w = %.3f rad/s%s, %.1f s simulated", board.boardId(), r.commandVMS(),
        r.commandWRadS(), Double.isInfinite(radius) ? " (straight)" : String.format(java.util.Locale.ROOT,
            " (circle radius %.3f m)", Math.abs(radius)), r.simulatedS());
    s.line("  reached (second half)  v = %.4f m/s, w = %.4f rad/s", r.meanVMS(), r.meanWRadS());
    s.line("  final pose             (%.3f, %.3f) m, heading %.1f deg", r.finalXM(), r.finalYM(), r.finalHeadingDeg());
    s.line("  path                   %.3f m (%.3f m from the start)", r.pathLengthM(), r.distanceM());
    s.line("  loop                   %d law steps, %d physics steps, failsafe %s (%d trips), wall %.3f s", r.lawSteps(),
        r.physicsSteps(), r.loop().finalState(), r.loop().trips(), wall);
    return s;
  }
}
