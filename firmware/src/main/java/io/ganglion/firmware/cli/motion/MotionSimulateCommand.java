package io.ganglion.firmware.cli.motion;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventWriter;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.OutputFile;
import io.ganglion.firmware.cli.support.Progress;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.sim.dvs.DvsSensorConfig;
import io.ganglion.sim.dvs.DvsSimulator;
import io.ganglion.sim.dvs.GratingProfile;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionMovieConfig;
import io.ganglion.sim.dvs.MotionSegment;
import io.ganglion.sim.dvs.SaccadeConfig;
import io.ganglion.sim.dvs.TextureKind;
import io.ganglion.sim.dvs.TextureSpec;
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

/** {@code ganglion motion simulate}: one labelled DVS movie of a moving texture, written as EVT 2.0. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    sortOptions = false,
    description = {
      "Simulate an event camera watching a texture (1/f noise or a grating) that",
      "moves in one of D directions x S speeds (or a saccade-like random walk), and",
      "write the events as EVT 2.0. Class layout: class = speedIndex * D +",
      "directionIndex; direction d points at 360*d/D deg (0 = right, 90 = down).",
      "The movie equals MotionMovie.generate(config, class, seed); see",
      "docs/dvs-simulator.md."
    },
    footer = {"", "Examples:",
      "  ganglion motion simulate --out right.raw",
      "  ganglion motion simulate --out down.raw --texture grating --direction-index 2",
      "  ganglion motion simulate --out walk.raw --directions 12 --speeds 3 --saccades --seed 4 --json"})
public final class MotionSimulateCommand implements Callable<Integer> {

  @Option(names = "--out", paramLabel = "FILE", required = true, description = "EVT 2.0 file to write (all or nothing).")
  Path out;

  @Option(names = "--directions", paramLabel = "D", defaultValue = "8", description = "Number of directions (default: ${DEFAULT-VALUE}).")
  int directions;

  @Option(names = "--speeds", paramLabel = "S", defaultValue = "1",
      description = "Number of speeds; without --speed-values: geometric from 0.25 to 0.63 px/ms, S=1 -> 0.40 (default: ${DEFAULT-VALUE}).")
  int speeds;

  @Option(names = "--speed-values", paramLabel = "V,...", split = ",", hideParamSyntax = true,
      description = "The speeds in px/ms, increasing (e.g. 0.25,0.40,0.63); their number must match --speeds if both are given.")
  String[] speedValues;

  @Option(names = "--direction-index", paramLabel = "I", description = "Direction index 0..D-1 (default 0 = right).")
  Integer directionIndex;

  @Option(names = "--speed-index", paramLabel = "J", description = "Speed index 0..S-1 (default 0), with --direction-index.")
  Integer speedIndex;

  @Option(names = "--class", paramLabel = "C", description = "Motion class 0..D*S-1 (instead of --direction-index/--speed-index).")
  Integer classIndex;

  @Option(names = "--saccades", description = "Saccade-like random walk: the class changes at random times (starting with the chosen class).")
  boolean saccades;

  @Option(names = "--saccade-ms", paramLabel = "MIN,MAX", split = ",", hideParamSyntax = true,
      description = "Segment length range of --saccades in ms (default: 50,150).")
  String[] saccadeMs;

  @Option(names = "--texture", paramLabel = "KIND", defaultValue = "noise", description = "noise (1/f) or grating (default: ${DEFAULT-VALUE}).")
  String texture;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "1.0",
      description = "Noise spectral exponent: amplitude ~ 1/f^A, 0..4 (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(names = "--grating-period", paramLabel = "PX", defaultValue = "16", description = "Grating period in px (default: ${DEFAULT-VALUE}).")
  double gratingPeriod;

  @Option(names = "--grating-profile", paramLabel = "P", defaultValue = "sine", description = "sine or square (default: ${DEFAULT-VALUE}).")
  String gratingProfile;

  @Option(names = "--orientation", paramLabel = "DEG",
      description = "Grating wave-vector direction in degrees (default: along the first motion, stripes across it).")
  Double orientation;

  @Option(names = "--contrast", paramLabel = "C", defaultValue = "0.8",
      description = "Peak contrast in (0, 1): intensity in mean*(1 -+ C) (default: ${DEFAULT-VALUE}).")
  double contrast;

  @Option(names = "--width", paramLabel = "PX", defaultValue = "128", description = "Sensor width, 1..2048 (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--height", paramLabel = "PX", defaultValue = "128", description = "Sensor height, 1..2048 (default: ${DEFAULT-VALUE}).")
  int height;

  @Option(names = "--duration-ms", paramLabel = "MS", defaultValue = "500", description = "Movie length in ms (default: ${DEFAULT-VALUE}).")
  double durationMs;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the texture, walk, mismatch and noise (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threshold", paramLabel = "C", defaultValue = "0.2",
      description = "Contrast threshold in log intensity, ON and OFF (default: ${DEFAULT-VALUE}).")
  double threshold;

  @Option(names = "--threshold-sigma", paramLabel = "S", defaultValue = "0",
      description = "Per-pixel threshold mismatch (standard deviation) (default: ${DEFAULT-VALUE}).")
  double thresholdSigma;

  @Option(names = "--refractory-us", paramLabel = "US", defaultValue = "100", description = "Refractory period per pixel in us (default: ${DEFAULT-VALUE}).")
  long refractoryUs;

  @Option(names = "--noise-hz", paramLabel = "HZ", defaultValue = "0.1",
      description = "Background noise events per pixel per second (default: ${DEFAULT-VALUE}).")
  double noiseHz;

  @Option(names = "--sample-us", paramLabel = "US", defaultValue = "200",
      description = "Scene sampling period in us; event times are interpolated between samples (default: ${DEFAULT-VALUE}).")
  int sampleUs;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    MotionClasses classes = classes();
    int cls = chosenClass(classes);
    MotionMovieConfig config = new MotionMovieConfig(width, height, durationUs(), classes, textureSpec(), sensor(), saccadeConfig());
    MotionMovie movie = MotionMovie.generate(config, cls, seed);
    DvsSimulator sim = movie.newSimulator();
    long on = 0;
    long total = 0;
    long startNanos = System.nanoTime();
    try (OutputFile file = OutputFile.create("--out", out);
        Progress progress = new Progress("simulating", config.durationUs() / 1000, "ms", true)) {
      try (EventWriter writer = EventFiles.newWriter(file.temp(), EventFormat.EVT2, config.size())) {
        EventBuffer buf = new EventBuffer(1 << 14);
        int n;
        while ((n = sim.next(buf)) > 0) {
          writer.write(buf);
          for (int i = 0; i < n; i++) {
            on += buf.polarity[i];
          }
          total += n;
          progress.update(sim.timeUs() / 1000);
        }
      }
      file.commit();
    }
    double wallS = (System.nanoTime() - startNanos) / 1e9;
    summary(movie, sim, total, on, wallS, Files.size(out)).print(spec.commandLine().getOut(), json.enabled());
    return 0;
  }

  private Summary summary(MotionMovie movie, DvsSimulator sim, long total, long on, double wallS, long bytes) {
    MotionClasses classes = movie.config().classes();
    double durationS = movie.durationUs() / 1e6;
    List<Map<String, Object>> segments = new ArrayList<>();
    Summary s = new Summary();
    s.put("out", out.toString())
        .put("format", "evt2")
        .put("width", width)
        .put("height", height)
        .put("duration_s", durationS)
        .put("events", total)
        .put("on_events", on)
        .put("off_events", total - on)
        .put("noise_events", sim.noiseEvents())
        .put("refractory_suppressed", sim.refractorySuppressed())
        .put("event_rate_ev_s", total / durationS)
        .put("texture", movie.config().texture().describe())
        .put("directions", classes.directions())
        .put("speeds", classes.speeds())
        .put("speed_values_px_ms", classes.speedValuesPxPerMs())
        .put("class", movie.classIndex())
        .put("seed", seed)
        .put("segments", segments)
        .put("bytes", bytes)
        .put("wall_s", wallS)
        .put("sim_events_per_s", total / wallS);
    s.line("motion movie %dx%d, %.1f ms, %s, seed %d", width, height, durationS * 1000, movie.config().texture().describe(), seed);
    s.line("  classes   %d directions x %d speeds %s px/ms = %d (class = speedIndex * %d + directionIndex)",
        classes.directions(), classes.speeds(), java.util.Arrays.toString(classes.speedValuesPxPerMs()), classes.count(),
        classes.directions());
    s.line("  motion    (direction: 0 = right, 90 = down)");
    for (MotionSegment seg : movie.track().segments()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("t_start_s", seg.startUs() / 1e6);
      m.put("t_end_s", seg.endUs() / 1e6);
      m.put("class", seg.classIndex());
      m.put("direction_deg", seg.directionDeg());
      m.put("speed_px_ms", seg.speedPxPerMs());
      m.put("speed_px_s", seg.speedPxPerMs() * 1000);
      segments.add(m);
      s.line("    %8.1f - %8.1f ms  class %3d  direction %6.1f deg  speed %.2f px/ms (%.0f px/s)", seg.startUs() / 1000.0,
          seg.endUs() / 1000.0, seg.classIndex(), seg.directionDeg(), seg.speedPxPerMs(), seg.speedPxPerMs() * 1000);
    }
    s.line("  events    %d (ON %d, OFF %d; %d of them noise), %.3g ev/s of sensor time", total, on, total - on, sim.noiseEvents(),
        total / durationS);
    s.line("  refractory suppressed %d crossings", sim.refractorySuppressed());
    s.line("  wrote     %s (EVT 2.0, %d bytes) in %.3f s: %.3g simulated ev/s", out, bytes, wallS, total / wallS);
    return s;
  }

  private MotionClasses classes() {
    if (directions < 1 || directions > 360) {
      throw new InvalidInputException("--directions must be between 1 and 360, got " + directions);
    }
    if (speeds < 1 || speeds > 100) {
      throw new InvalidInputException("--speeds must be between 1 and 100, got " + speeds);
    }
    if (speedValues == null) {
      return MotionClasses.of(directions, speeds);
    }
    boolean speedsGiven = spec.commandLine().getParseResult().hasMatchedOption("--speeds");
    if (speedsGiven && speedValues.length != speeds) {
      throw new InvalidInputException("--speed-values has " + speedValues.length + " values but --speeds is " + speeds);
    }
    double[] v = new double[speedValues.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = number("--speed-values", speedValues[i]);
      if (!(v[i] > 0 && v[i] <= 1000)) {
        throw new InvalidInputException("--speed-values must be in (0, 1000] px/ms, got " + speedValues[i]);
      }
      if (i > 0 && !(v[i] > v[i - 1])) {
        throw new InvalidInputException("--speed-values must be increasing, got " + String.join(",", speedValues));
      }
    }
    return new MotionClasses(directions, v);
  }

  private int chosenClass(MotionClasses classes) {
    if (classIndex != null) {
      if (directionIndex != null || speedIndex != null) {
        throw new InvalidInputException("give either --class or --direction-index/--speed-index, not both");
      }
      if (classIndex < 0 || classIndex >= classes.count()) {
        throw new InvalidInputException("--class must be between 0 and " + (classes.count() - 1) + " (" + classes.directions()
            + " directions x " + classes.speeds() + " speeds), got " + classIndex);
      }
      return classIndex;
    }
    int d = directionIndex == null ? 0 : directionIndex;
    int s = speedIndex == null ? 0 : speedIndex;
    if (d < 0 || d >= classes.directions()) {
      throw new InvalidInputException("--direction-index must be between 0 and " + (classes.directions() - 1) + ", got " + d);
    }
    if (s < 0 || s >= classes.speeds()) {
      throw new InvalidInputException("--speed-index must be between 0 and " + (classes.speeds() - 1) + ", got " + s);
    }
    return classes.classIndex(s, d);
  }

  private long durationUs() {
    if (!(durationMs > 0 && durationMs <= 3_600_000)) {
      throw new InvalidInputException("--duration-ms must be in (0, 3600000], got " + durationMs);
    }
    long us = Math.round(durationMs * 1000);
    if (us < 1) {
      throw new InvalidInputException("--duration-ms must be at least 0.001 ms, got " + durationMs);
    }
    return us;
  }

  private TextureSpec textureSpec() {
    TextureKind kind;
    GratingProfile profile;
    try {
      kind = TextureKind.parse(texture);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--texture: " + e.getMessage());
    }
    try {
      profile = GratingProfile.parse(gratingProfile);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--grating-profile: " + e.getMessage());
    }
    if (!(contrast > 0 && contrast < 1)) {
      throw new InvalidInputException("--contrast must be in (0, 1), got " + contrast);
    }
    if (!(alpha >= 0 && alpha <= 4)) {
      throw new InvalidInputException("--alpha must be in [0, 4], got " + alpha);
    }
    if (!(gratingPeriod >= 2 && gratingPeriod <= 1e6)) {
      throw new InvalidInputException("--grating-period must be between 2 and 1e6 px, got " + gratingPeriod);
    }
    if (orientation != null && !Double.isFinite(orientation)) {
      throw new InvalidInputException("--orientation must be a finite angle in degrees, got " + orientation);
    }
    TextureSpec t = kind == TextureKind.NOISE ? TextureSpec.noise() : TextureSpec.grating(gratingPeriod);
    t = t.withAlpha(alpha).withContrast(contrast).withProfile(profile);
    return orientation == null ? t : t.withOrientationDeg(orientation);
  }

  private DvsSensorConfig sensor() {
    if (width < 1 || width > DvsSimulator.MAX_SIDE_PX || height < 1 || height > DvsSimulator.MAX_SIDE_PX) {
      throw new InvalidInputException("--width and --height must be between 1 and 2048 (EVT 2.0 has 11-bit coordinates), got "
          + width + "x" + height);
    }
    if (!(threshold >= DvsSensorConfig.MIN_THRESHOLD && threshold <= 10)) {
      throw new InvalidInputException("--threshold must be between 0.01 and 10 (log intensity), got " + threshold);
    }
    if (!(thresholdSigma >= 0 && thresholdSigma <= 1)) {
      throw new InvalidInputException("--threshold-sigma must be between 0 and 1, got " + thresholdSigma);
    }
    if (refractoryUs < 0 || refractoryUs > 10_000_000) {
      throw new InvalidInputException("--refractory-us must be between 0 and 10000000, got " + refractoryUs);
    }
    if (!(noiseHz >= 0 && noiseHz <= 100_000)) {
      throw new InvalidInputException("--noise-hz must be between 0 and 100000, got " + noiseHz);
    }
    if (sampleUs < 1 || sampleUs > 10_000) {
      throw new InvalidInputException("--sample-us must be between 1 and 10000, got " + sampleUs);
    }
    return new DvsSensorConfig(threshold, threshold, thresholdSigma, refractoryUs, noiseHz, sampleUs);
  }

  private SaccadeConfig saccadeConfig() {
    if (!saccades) {
      if (saccadeMs != null) {
        throw new InvalidInputException("--saccade-ms needs --saccades");
      }
      return null;
    }
    if (saccadeMs == null) {
      return SaccadeConfig.defaults();
    }
    if (saccadeMs.length != 2) {
      throw new InvalidInputException("--saccade-ms needs two numbers MIN,MAX in ms (e.g. 80,200), got " + saccadeMs.length
          + " number(s)");
    }
    double lo = number("--saccade-ms", saccadeMs[0]);
    double hi = number("--saccade-ms", saccadeMs[1]);
    if (!(lo >= 1 && hi >= lo && hi <= 3_600_000)) {
      throw new InvalidInputException("--saccade-ms needs 1 <= MIN <= MAX, got " + lo + "," + hi);
    }
    return new SaccadeConfig(Math.round(lo * 1000), Math.round(hi * 1000));
  }

  private static double number(String option, String text) {
    try {
      double v = Double.parseDouble(text.strip());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new InvalidInputException(option + ": '" + text + "' is not a number");
  }
}
