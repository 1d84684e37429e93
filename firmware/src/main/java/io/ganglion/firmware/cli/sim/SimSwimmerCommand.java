package io.ganglion.firmware.cli.sim;

import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.OutputFile;
import io.ganglion.firmware.cli.support.Progress;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.plot.ChartFiles;
import io.ganglion.firmware.plot.SwimmerPathPlot;
import io.ganglion.firmware.law.ControlLaw;
import io.ganglion.firmware.world.SwimmerSimulation;
import io.ganglion.sim.swimmer.SwimmerConfig;
import io.ganglion.sim.swimmer.SwimmerCsvWriter;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerRecorder;
import io.ganglion.sim.swimmer.SwimmerRunResult;
import io.ganglion.sim.swimmer.SwimmerState;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ganglion sim swimmer}: the N-link swimmer in fluid with a chosen controller. */
@Command(
    name = "swimmer",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    sortOptions = false,
    description = {
      "Simulate the DeepMind Control Suite swimmer (physics matching MuJoCo) driven by a controller,",
      "headless, and print how far and how fast it swam. Runs through the firmware's runtime in virtual",
      "time: the controller task every 30 ms (with the failsafe), the physics every 2 ms."
    },
    footer = {"", "Examples:",
      "  ganglion sim swimmer",
      "  ganglion sim swimmer --links 9 --steps 2000 --plot swim.png",
      "  ganglion sim swimmer --controller wave --csv wave6.csv --json"})
public final class SimSwimmerCommand implements Callable<Integer> {

  @Option(names = "--links", paramLabel = "N", defaultValue = "6",
      description = "Number of links, 3..50 (default: ${DEFAULT-VALUE}).")
  int links;

  @Option(names = "--controller", paramLabel = "LAW", defaultValue = "ncap",
      description = "ncap (fixed-point NCAP circuit), wave (open-loop travelling wave) or zero (default: ${DEFAULT-VALUE}).")
  String controller;

  @Option(names = "--weights", paramLabel = "W", split = ",",
      description = "NCAP's four shared weights w_prop,w_osc,w_ipsi,w_contra (default: 1,1,1,-1). "
          + "Signs are constrained where used: the first three act as >= 0, w_contra as <= 0.")
  String[] weights;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "1000",
      description = "Control steps of 0.03 s, each 15 physics steps of 0.002 s (default: ${DEFAULT-VALUE} = 30 s).")
  long steps;

  @Option(names = "--random-init", description = "Start from dm_control's random joint angles and heading (drawn with --seed) instead of rest.")
  boolean randomInit;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of --random-init (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Write every control step: step,time,nose_x,nose_y,head_yaw,q0..,u0.. (the MuJoCo reference's columns).")
  Path csv;

  @Option(names = "--plot", paramLabel = "FILE", description = "Draw the nose path with the body every second (.png or .svg).")
  Path plot;

  @Mixin io.ganglion.firmware.cli.support.PublishOptions publish;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    validate();
    SwimmerModel model = new SwimmerModel(SwimmerConfig.dmControl(links));
    SwimmerState state = new SwimmerState(model);
    if (randomInit) {
      state.randomize(seed);
    }
    ControlLaw law = SwimmerLaws.create(controller, state, parseWeights());
    publish.validate(spec.commandLine().getParseResult());
    SimPublisher publisher = publish.enabled() ? SimPublisher.start(publish, law.name(), "swimmer links=" + links
        + " controller=" + controller + " weights=" + java.util.Arrays.toString(weights) + " random_init=" + randomInit
        + " seed=" + seed, model.joints(), model.joints(), false, io.ganglion.firmware.telemetry.SwimmerStream.SCHEMA, law,
        spec.commandLine().getErr()) : null;
    try {
      return simulate(model, state, law, publisher);
    } finally {
      if (publisher != null) {
        publisher.close();
      }
    }
  }

  private int simulate(SwimmerModel model, SwimmerState state, ControlLaw law, SimPublisher publisher) throws Exception {
    SwimmerPathPlot pathPlot = plot == null ? null : new SwimmerPathPlot(0.03);
    if (plot != null) {
      ChartFiles.requireSupportedExtension("--plot", plot);
      OutputFile.create("--plot", plot).close(); // fail now, not after the run, if it cannot be written
    }
    SwimmerRunResult result;
    try (OutputFile csvOut = csv == null ? null : OutputFile.create("--csv", csv);
        Writer csvWriter = csvOut == null ? null
            : new BufferedWriter(new OutputStreamWriter(csvOut.open(), StandardCharsets.UTF_8), 1 << 16);
        Progress progress = new Progress("swimming", steps, "steps", true)) {
      SwimmerRecorder csvRecorder = csvWriter == null ? null : new SwimmerCsvWriter(csvWriter, model.joints());
      SwimmerRecorder recorder = both(csvRecorder, pathPlot);
      SwimmerSimulation run = new SwimmerSimulation(state, law).progress(Math.max(1, steps / 200), progress::update);
      if (recorder != null) {
        run.recorder(recorder);
      }
      if (publisher != null) {
        run.hooks(publisher.hooks(out -> new io.ganglion.firmware.telemetry.SwimmerStream(state, out)));
      }
      result = run.run(steps);
      if (csvWriter != null) {
        csvWriter.flush();
        csvOut.commit();
      }
    }
    if (pathPlot != null) {
      pathPlot.finish(state);
      pathPlot.save(plot, String.format(java.util.Locale.ROOT, "swimmer%d, %s, %.1f s: %.2f m", links, law.name(),
          result.controlSteps() * 0.03, result.distanceM()));
    }
    Summary summary = summary(result, law);
    if (publisher != null) {
      publisher.close(); // drains and publishes the offline status: the counters are final
      java.util.Map<String, Long> c = publisher.counters();
      summary.put("telemetry", c).line("  published as robots/%s/ on %s: %d samples offered, %d sent, %d events",
          publish.board(), publisher.url(), c.get("samples_offered"), c.get("samples_sent"), c.get("events_sent"));
    }
    summary.print(spec.commandLine().getOut(), json.enabled());
    if (result.faulted()) {
      spec.commandLine().getErr().println("ganglion: " + result.fault());
      return 1;
    }
    return 0;
  }

  private static SwimmerRecorder both(SwimmerRecorder a, SwimmerRecorder b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return (step, s, u) -> {
      a.record(step, s, u);
      b.record(step, s, u);
    };
  }

  private Summary summary(SwimmerRunResult r, ControlLaw law) {
    double seconds = r.controlSteps() * 0.03;
    return new Summary()
        .put("links", links)
        .put("controller", law.name())
        .put("steps", r.controlSteps())
        .put("distance_m", r.distanceM())
        .put("path_length_m", r.pathLengthM())
        .put("mean_forward_speed_m_s", r.meanForwardSpeedMS())
        .put("swim_return", r.swimReturn())
        .put("physics_steps_per_s", r.physicsStepsPerSecond())
        .put("wall_s", r.wallSeconds())
        .put("final_nose_x", r.finalNoseX())
        .put("final_nose_y", r.finalNoseY())
        .line("swimmer%d, %s controller, %d control steps (%.1f s simulated)", links, law.name(), r.controlSteps(), seconds)
        .line("  distance swum by the nose  %8.3f m   (path %.3f m)", r.distanceM(), r.pathLengthM())
        .line("  mean forward speed         %8.4f m/s", r.meanForwardSpeedMS())
        .line("  swim return                %8.1f of %d", r.swimReturn(), r.controlSteps())
        .line("  final nose                 (%.3f, %.3f) m", r.finalNoseX(), r.finalNoseY())
        .line("  physics                    %8.0f steps/s, wall time %.3f s", r.physicsStepsPerSecond(), r.wallSeconds());
  }

  private void validate() {
    if (links < SwimmerConfig.MIN_BODIES || links > SwimmerConfig.MAX_BODIES) {
      throw new InvalidInputException("--links must be between 3 and 50, got " + links);
    }
    if (steps <= 0) {
      throw new InvalidInputException("--steps must be a positive number of control steps, got " + steps);
    }
    if (csv != null && plot != null
        && csv.toAbsolutePath().normalize().equals(plot.toAbsolutePath().normalize())) {
      throw new InvalidInputException("--csv and --plot are the same file " + csv + "; give each its own file");
    }
    if (weights != null && !controller.equals("ncap")) {
      throw new InvalidInputException("--weights applies to --controller ncap only (got --controller " + controller + ")");
    }
  }

  private double[] parseWeights() {
    if (weights == null) {
      return null;
    }
    if (weights.length != 4) {
      throw new InvalidInputException("--weights needs exactly four numbers w_prop,w_osc,w_ipsi,w_contra, got " + weights.length);
    }
    double[] w = new double[4];
    String[] names = {"w_prop", "w_osc", "w_ipsi", "w_contra"};
    for (int i = 0; i < 4; i++) {
      try {
        w[i] = Double.parseDouble(weights[i].strip());
      } catch (NumberFormatException e) {
        throw new InvalidInputException("--weights: " + names[i] + " '" + weights[i] + "' is not a number");
      }
      if (!Double.isFinite(w[i])) {
        throw new InvalidInputException("--weights: " + names[i] + " must be a finite number, got " + weights[i]);
      }
      if (Math.abs(w[i]) > NcapConfig.MAX_ABS_WEIGHT) {
        throw new InvalidInputException("--weights: " + names[i] + " must be within +-" + (long) NcapConfig.MAX_ABS_WEIGHT
            + " (the Q16.16 range), got " + weights[i]);
      }
    }
    return w;
  }
}
