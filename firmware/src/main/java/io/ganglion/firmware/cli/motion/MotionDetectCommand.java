package io.ganglion.firmware.cli.motion;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.TimeToleranceOption;
import io.ganglion.firmware.cli.support.OutputFile;
import io.ganglion.firmware.cli.support.Progress;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.plot.ChartFiles;
import io.ganglion.firmware.plot.MotionPlots;
import io.ganglion.sim.motion.MotionModel;
import io.ganglion.sim.motion.MotionModelFile;
import io.ganglion.sim.motion.MotionModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ganglion motion detect}: the fixed-point motion detector on an event file. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    sortOptions = false,
    description = {
      "Run the heterogeneous-delay spiking motion detector (fixed point) on an event file and print",
      "the direction histogram of its output spikes per time window and the dominant direction.",
      "Directions are in the file's image axes: atan2(vy, vx) with x right and y down, so +90 is down.",
      "Without --model the built-in model is used (docs/motion.md)."
    },
    footer = {"", "Examples:",
      "  ganglion motion detect --input rec.raw",
      "  ganglion motion detect --input rec.txt --width 240 --height 180 --window-ms 100 --plot rec.png",
      "  ganglion motion detect --input rec.aedat --model model.json --json"})
public final class MotionDetectCommand implements Callable<Integer> {

  @Option(names = "--input", paramLabel = "FILE", required = true, description = "Event file (EVT 2.0, AEDAT 2.0, RPG text or N-MNIST).")
  Path input;

  @Option(names = "--format", paramLabel = "F", defaultValue = "auto",
      description = "auto, evt2, aedat2, txt or nmnist (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--width", paramLabel = "PX", description = "Sensor width (with --height): overrides the file's size.")
  Integer width;

  @Option(names = "--height", paramLabel = "PX", description = "Sensor height (with --width).")
  Integer height;

  @Mixin TimeToleranceOption timeTolerance;

  @Option(names = "--model", paramLabel = "FILE", description = "Motion model file from 'ganglion motion train' (default: the built-in model).")
  Path modelFile;

  @Option(names = "--window-ms", paramLabel = "MS", defaultValue = "50", description = "Histogram window in ms (default: ${DEFAULT-VALUE}).")
  double windowMs;

  @Option(names = "--spike-margin", paramLabel = "M",
      description = "Override the model's spike margin (evidence of the winner over the runner-up), >= 0.")
  Double spikeMargin;

  @Option(names = "--plot", paramLabel = "FILE", description = "Plot the direction histogram over time (.png or .svg).")
  Path plot;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    long windowUs = RecordingDetection.windowUs(windowMs);
    if ((width == null) != (height == null)) {
      throw new InvalidInputException("--width and --height go together; give both or neither");
    }
    if (!Files.exists(input)) {
      throw new InvalidInputException("--input " + input + ": no such file");
    }
    EventReaderConfig config = EventReaderConfig.defaults().withFormat(EventFormat.parse(format))
        .withBackwardsToleranceUs(timeTolerance.microseconds());
    if (width != null) {
      if (width < 1 || height < 1) {
        throw new InvalidInputException("--width and --height must be positive, got " + width + "x" + height);
      }
      config = config.withSensorSize(width, height);
    }
    MotionModel model = modelFile == null ? MotionModels.defaultModel() : MotionModelFile.read(modelFile);
    if (spikeMargin != null) {
      if (!(spikeMargin >= 0) || spikeMargin >= 32768) {
        throw new InvalidInputException("--spike-margin must be in [0, 32768), got " + spikeMargin);
      }
      model = model.withSpikeMargin(spikeMargin);
    }
    if (plot != null) {
      ChartFiles.requireSupportedExtension("--plot", plot);
      OutputFile.create("--plot", plot).close(); // fail now if it cannot be written
    }
    RecordingDetection.Result r;
    try (Progress progress = new Progress("detecting", Math.max(1, Files.size(input)), "bytes", true)) {
      r = RecordingDetection.run(input, config, model, windowUs, progress::update);
    }
    if (plot != null) {
      MotionPlots.saveDirectionsOverTime(r.file(), r.windowUs(), r.directionsDeg(), windowHistograms(r), "--plot", plot);
    }
    summary(r).print(spec.commandLine().getOut(), json.enabled());
    return 0;
  }

  private static List<long[]> windowHistograms(RecordingDetection.Result r) {
    List<long[]> list = new ArrayList<>();
    for (RecordingDetection.Window w : r.windows()) {
      list.add(r.directionHistogram(w.classSpikes()));
    }
    return list;
  }

  private Summary summary(RecordingDetection.Result r) {
    double[] dirs = r.directionsDeg();
    Summary s = new Summary();
    s.put("input", input.toString())
        .put("format", r.format().cliName())
        .put("width", r.size().width())
        .put("height", r.size().height())
        .put("size_from", r.sizeObserved() ? "observed" : "declared")
        .put("events", r.events())
        .put("duration_s", r.durationS())
        .put("spikes", r.spikes())
        .put("dominant_direction_deg", MotionDirections.nullable(r.dominantDirectionDeg(r.classSpikes())))
        .put("dominant_speed_px_s", MotionDirections.nullable(r.dominantSpeedPxPerS(r.classSpikes())))
        .put("directions_deg", dirs)
        .put("direction_histogram", r.directionHistogram(r.classSpikes()))
        .put("window_s", r.windowUs() / 1e6);
    List<Map<String, Object>> windows = new ArrayList<>();
    for (RecordingDetection.Window w : r.windows()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("t_start_s", (w.tStartUs() - r.firstTUs()) / 1e6);
      m.put("events", w.events());
      m.put("spikes", w.spikes());
      m.put("direction_deg", MotionDirections.nullable(r.dominantDirectionDeg(w.classSpikes())));
      m.put("speed_px_s", MotionDirections.nullable(r.dominantSpeedPxPerS(w.classSpikes())));
      m.put("histogram", r.directionHistogram(w.classSpikes()));
      windows.add(m);
    }
    s.put("windows", windows)
        .put("events_out_of_range", r.counters().eventsOutOfRange)
        .put("events_out_of_order", r.counters().eventsOutOfOrder)
        .put("model_classes", r.model().classCount())
        .put("model_non_zero_weights", r.model().nonZeroWeightCount())
        .put("spike_margin", r.model().spikeMargin())
        .put("wall_s", r.wallS());
    s.line("%s: %s, %dx%d (%s), %d events over %.3f s", r.file(), r.format().cliName(), r.size().width(),
        r.size().height(), r.sizeObserved() ? "size observed from the events" : "declared size", r.events(),
        r.durationS());
    s.line("model: %s, %d classes, %d non-zero weights, spike margin %.3f", modelFile == null ? "built-in" : modelFile,
        r.model().classCount(), r.model().nonZeroWeightCount(), r.model().spikeMargin());
    MotionDirections directions = r.directions();
    s.line("spikes per direction (deg; 0 = right, 90 = down) in %.0f ms windows:", r.windowUs() / 1000.0);
    s.line(directions.tableHeader());
    for (RecordingDetection.Window w : r.windows()) {
      s.line(directions.tableRow((w.tStartUs() - r.firstTUs()) / 1000.0, w.events(), w.classSpikes()));
    }
    s.line("dominant direction: %s (%d spikes)", directions.describeDominant(r.classSpikes()), r.spikes());
    if (r.spikes() == 0 && r.events() > 0) {
      s.line("no readout reached the spike margin: the model's speeds may not match this recording (see docs/motion.md,"
          + " Limits); try --spike-margin 0 or a model trained for it");
    }
    if (plot != null) {
      s.line("plot: %s", plot);
    }
    return s;
  }
}
