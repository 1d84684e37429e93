package io.ganglion.firmware.cli.bench;

import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.firmware.cli.support.JsonOption;
import io.ganglion.firmware.cli.support.Progress;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.TimeToleranceOption;
import io.ganglion.sim.motion.MotionSpeedWorkload;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ganglion bench motion}: events per second of the fixed-point motion detector on one core
 * for each kernel of {@link MotionSpeedWorkload}, and of each event reader, each against its
 * baseline measured in the same rounds (a plain pass over the same events; reading the same
 * file's bytes undecoded); median and range over the rounds, bytes allocated per event, and the
 * issue's goals checked against the medians.
 */
@Command(
    name = "motion",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    sortOptions = false,
    description = {
      "Events/s of the fixed-point motion detector on one core (dense and pruned kernels, on a",
      "simulated 640 x 480 stream) and of each event reader (generated files), each against a",
      "baseline in the same rounds; median and range, bytes per event, goals (docs/benchmarks.md).",
      "With --recording, the kernels also run on real event files (no baseline, no goal)."
    })
public final class BenchMotionCommand implements Callable<Integer> {

  /** The goals of the motion issue, checked against the medians. */
  static final double GOAL_PRUNED_MEV_S = 10;
  static final double GOAL_DENSE_MEV_S = 1;
  static final double GOAL_READER_MEV_S = 20;
  /** Plain passes per round: each is ~1 ns per event, too short to time alone. */
  static final int PLAIN_REPEATS = 32;
  /** Below this, "0 B/event" (what is left is the rounds' own bookkeeping spread over the events). */
  static final double ZERO_BYTES_PER_EVENT = 0.01;

  @Option(names = "--kernels", paramLabel = "K", split = ",", defaultValue = "dense,paper20,5%,1%,builtin",
      description = "Detector kernels to measure, any of dense, paper20, 5%%, 1%%, builtin, or none (default: ${DEFAULT-VALUE}).")
  List<String> kernels;

  @Option(names = "--formats", paramLabel = "F", split = ",", defaultValue = "evt2,aedat2,txt,nmnist",
      description = "Readers to measure, any of evt2, aedat2, txt, nmnist, or none (default: ${DEFAULT-VALUE}).")
  List<String> formats;

  @Option(names = "--rounds", paramLabel = "R", defaultValue = "5",
      description = "Measured rounds, alternating the order (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--warmup", paramLabel = "R", defaultValue = "3",
      description = "Unrecorded rounds first, for the JIT compiler (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--events", paramLabel = "N", defaultValue = "1048576",
      description = "Events of the simulated detector stream, 4096 to 8388608 (default: ${DEFAULT-VALUE}).")
  int events;

  @Option(names = "--reader-events", paramLabel = "N", defaultValue = "2000000",
      description = "Events per generated reader file, 10000 to 50000000 (default: ${DEFAULT-VALUE}).")
  int readerEvents;

  @Option(names = "--recording", paramLabel = "FILE",
      description = "Also measure each kernel on this event file's first 8,388,608 events, read into memory first"
          + " (any reader format; repeatable).")
  List<Path> recordings = new ArrayList<>();

  @Mixin TimeToleranceOption timeTolerance;

  @Option(names = "--in-process",
      description = "Measure all kernels in this JVM (default: each in a JVM of its own, as JMH does).")
  boolean inProcess;

  @Mixin JsonOption json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /**
   * The CLI's entry point, by name: the command starts it again in child JVMs (a class reference
   * would make this package and the CLI's root depend on each other; a test checks the name).
   */
  static final String CLI_MAIN_CLASS = "io.ganglion.firmware.cli.GanglionMain";
  /** Set in the environment of the JVMs this command starts: they never start more. */
  static final String CHILD_ENV = "GANGLION_BENCH_CHILD";

  @Override
  public Integer call() {
    boolean fork = !inProcess && System.getenv(CHILD_ENV) == null;
    List<String> kernelNames = kernelNames();
    List<EventFormat> readerFormats = readerFormats();
    if (kernelNames.isEmpty() && readerFormats.isEmpty()) {
      throw new InvalidInputException("--kernels none and --formats none leave nothing to measure; drop one of them");
    }
    if (rounds < 1 || rounds > 100) {
      throw new InvalidInputException("--rounds must be between 1 and 100, got " + rounds);
    }
    if (warmup < 0 || warmup > 100) {
      throw new InvalidInputException("--warmup must be between 0 and 100, got " + warmup);
    }
    if (events < MotionSpeedWorkload.CHUNK || events > (1 << 23)) {
      throw new InvalidInputException("--events must be between 4096 and 8388608, got " + events);
    }
    if (readerEvents < 10_000 || readerEvents > 50_000_000) {
      throw new InvalidInputException("--reader-events must be between 10000 and 50000000, got " + readerEvents);
    }
    if (!ThreadAllocation.supported()) {
      throw new InvalidInputException("this JVM cannot count the bytes a thread allocates, which bytes per event needs;"
          + " run the benchmark on OpenJDK (HotSpot)");
    }
    Summary summary = new Summary();
    Map<String, Object> goals = new LinkedHashMap<>();
    if (kernelNames.isEmpty() && !recordings.isEmpty()) {
      throw new InvalidInputException("--recording needs a kernel to run; drop --kernels none");
    }
    timeTolerance.microseconds(); // checked before any file is opened
    for (Path file : recordings) {
      // a missing file or a bad header: one line now, not after the progress bar
      try (EventReader reader = EventFiles.open(file, readerConfig())) {
        reader.sensorSize();
      } catch (InvalidInputException e) {
        throw new InvalidInputException("--recording " + e.getMessage());
      }
    }
    boolean forked = fork && kernelNames.size() > 1;
    // ticks: the stream; each recording loaded (by each child when forked); each measurement of each round
    long loads = (long) (forked ? kernelNames.size() : 1) * recordings.size();
    long work = (long) (warmup + rounds) * (kernelNames.size() * (1L + recordings.size()) + readerFormats.size()) + 1
        + loads + readerFormats.size();
    try (Progress progress = new Progress("benchmarking", work, "steps", System.getenv(CHILD_ENV) == null)) {
      long[] done = {0};
      Runnable tick = () -> progress.update(++done[0]);
      if (!kernelNames.isEmpty()) {
        detectorTable(kernelNames, forked, tick, summary, goals);
      }
      if (!readerFormats.isEmpty()) {
        readerTable(readerFormats, tick, summary, goals);
      }
    }
    if (!goals.isEmpty()) {
      List<String> parts = new ArrayList<>();
      goals.forEach((goal, met) -> parts.add(goal + ": " + (Boolean.TRUE.equals(met) ? "met" : "NOT met")));
      summary.line("goals (medians): " + String.join(" | ", parts));
    }
    summary.put("rounds", rounds).put("goals_met", goals);
    String resultFile = System.getenv(ChildJvm.RESULT_ENV);
    if (resultFile != null && json.enabled()) {
      // a child of measureForked: its result goes to the parent's file, stdout may carry JVM logs
      java.io.StringWriter text = new java.io.StringWriter();
      summary.print(new java.io.PrintWriter(text), true);
      try {
        java.nio.file.Files.writeString(Path.of(resultFile), text.toString());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot write the result to " + resultFile, e);
      }
    } else {
      summary.print(spec.commandLine().getOut(), json.enabled());
    }
    return 0;
  }

  private void detectorTable(List<String> kernelNames, boolean forked, Runnable tick, Summary summary,
      Map<String, Object> goals) {
    List<Map<String, Object>> recordingRows = new ArrayList<>();
    List<Map<String, Object>> rows = forked ? measureForked(kernelNames, tick, recordingRows)
        : measureInProcess(kernelNames, tick, recordingRows);
    summary.line("Motion detector, one core: %,d events of a simulated 640 x 480 stream (~7 M events/s), %d rounds%s",
        events, rounds, forked ? ", one JVM per kernel" : "");
    summary.line("%-9s %15s %8s %15s %9s %8s %9s %8s", "kernel", "non-zero", "Mev/s", "min..max", "ns/event",
        "B/event", "plain", "ratio");
    boolean allFree = true;
    for (Map<String, Object> row : rows) {
      String name = (String) row.get("kernel");
      long nonZero = ((Number) row.get("non_zero_weights")).longValue();
      long weights = ((Number) row.get("weights")).longValue();
      double median = number(row, "mev_s_median");
      double bytes = number(row, "bytes_per_event");
      summary.line("%-9s %15s %8.2f %15s %9.0f %8.3f %9.0f %8.4f", name,
          String.format(Locale.ROOT, "%,d (%.0f%%)", nonZero, 100.0 * nonZero / weights), median,
          range(number(row, "mev_s_min"), number(row, "mev_s_max")),
          1e3 / median, bytes, number(row, "plain_pass_mev_s"), number(row, "ratio_to_plain_pass"));
      if (name.equals("5%")) {
        goals.put(">= 10 Mev/s at 5%", median >= GOAL_PRUNED_MEV_S);
      } else if (name.equals("dense")) {
        goals.put(">= 1 Mev/s dense", median >= GOAL_DENSE_MEV_S);
      }
      allFree &= bytes < ZERO_BYTES_PER_EVENT;
    }
    summary.line("(plain: a pass reading every field of the same events, Mev/s, same rounds; ratio = Mev/s / plain)");
    if (!recordingRows.isEmpty()) {
      recordingTable(recordingRows, summary);
    }
    for (Map<String, Object> row : recordingRows) {
      allFree &= number(row, "bytes_per_event") < ZERO_BYTES_PER_EVENT;
    }
    goals.put("0 B/event (detector)", allFree);
    summary.put("detector_events", events).put("detector", rows);
    if (!recordings.isEmpty()) {
      summary.put("recordings", recordingRows);
    }
  }

  /**
   * The kernels on the recordings: speed, bytes per event, the share of events whose adds were
   * checked (their neuron near the int range) and the saturations counted.
   */
  private static void recordingTable(List<Map<String, Object>> rows, Summary summary) {
    int nameWidth = 27;
    for (Map<String, Object> row : rows) {
      nameWidth = Math.max(nameWidth, row.get("file").toString().length());
    }
    String name = "%-" + nameWidth + "s";
    summary.line(name + " %9s %11s %8s %7s %13s %8s %7s %8s %8s", "recording", "size", "events", "kernel", "Mev/s",
        "min..max", "ns/event", "B/event", "checked", "sat.");
    for (Map<String, Object> row : rows) {
      double median = number(row, "mev_s_median");
      summary.line(name + " %9s %,10d%s %8s %7.2f %13s %8.0f %7.3f %7.2f%% %8d", row.get("file"),
          row.get("width") + "x" + row.get("height"), (long) number(row, "events"),
          Boolean.TRUE.equals(row.get("truncated")) ? "+" : " ", row.get("kernel"), median,
          range(number(row, "mev_s_min"), number(row, "mev_s_max")), 1e3 / median, number(row, "bytes_per_event"),
          100 * number(row, "checked_share"), (long) number(row, "saturations"));
    }
    summary.line("(checked: events whose adds were checked, their neuron near the int range; sat.: saturated adds and"
        + " readout clamps; +: the first " + String.format(Locale.ROOT, "%,d", RecordingStream.MAX_EVENTS)
        + " events only)");
  }

  private EventReaderConfig readerConfig() {
    return EventReaderConfig.defaults().withBackwardsToleranceUs(timeTolerance.microseconds());
  }

  /** Every kernel in this JVM, interleaved round by round (what the forked children run, one kernel each). */
  private List<Map<String, Object>> measureInProcess(List<String> kernelNames, Runnable tick,
      List<Map<String, Object>> recordingRows) {
    MotionInputs[] chunks = MotionSpeedWorkload.chunks(MotionSpeedWorkload.stream(events));
    tick.run();
    List<DetectorSpeed> speeds = new ArrayList<>();
    for (String name : kernelNames) {
      speeds.add(new DetectorSpeed(name, MotionSpeedWorkload.detector(name), chunks, events));
    }
    int onStream = speeds.size();
    List<RecordingStream> files = new ArrayList<>();
    for (Path file : recordings) {
      RecordingStream r = RecordingStream.load(file, readerConfig());
      files.add(r);
      for (String name : kernelNames) {
        speeds.add(new DetectorSpeed(name, r.detector(name), r.chunks, r.events));
      }
      tick.run();
    }
    RoundSeries plain = new RoundSeries();
    for (int r = -warmup; r < rounds; r++) { // rounds < 0: warm-up (JIT), not recorded
      for (int i = 0; i < speeds.size(); i++) {
        DetectorSpeed s = speeds.get(inRoundOrder(r, i, speeds.size()));
        s.measure(r);
        tick.run();
      }
      double plainEventsPerS = (double) events * PLAIN_REPEATS / (timedPlainPasses(chunks) / 1e9);
      if (r >= 0) {
        plain.add(plainEventsPerS, 0);
      }
    }
    for (int i = onStream; i < speeds.size(); i++) {
      DetectorSpeed s = speeds.get(i);
      RecordingStream file = files.get((i - onStream) / kernelNames.size());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("file", file.name);
      row.put("width", file.size.width());
      row.put("height", file.size.height());
      row.put("events", s.events);
      row.put("truncated", file.truncated);
      row.put("kernel", s.name);
      s.putSpeed(row);
      row.put("checked_share", (double) s.checkedEvents / s.events);
      row.put("saturations", s.out.saturations);
      recordingRows.add(row);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DetectorSpeed s : speeds.subList(0, onStream)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("kernel", s.name);
      row.put("non_zero_weights", s.nonZero);
      row.put("weights", s.weights);
      s.putSpeed(row);
      row.put("plain_pass_mev_s", plain.median() / 1e6);
      row.put("ratio_to_plain_pass", s.series.median() / plain.median());
      rows.add(row);
    }
    return rows;
  }

  /** Whether --verbose was given (inherited from the root command). */
  private boolean verbose() {
    var option = spec == null ? null : spec.findOption("--verbose");
    return option != null && Boolean.TRUE.equals(option.getValue());
  }

  /**
   * Each kernel in a JVM of its own (this command with {@code --in-process}), as JMH forks: one JVM
   * running several kernels compiles the detector for all of them, which is not what a board
   * running one model sees (slower at 5%: docs/benchmarks.md).
   */
  private List<Map<String, Object>> measureForked(List<String> kernelNames, Runnable tick,
      List<Map<String, Object>> recordingRows) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<List<Map<String, Object>>> byKernel = new ArrayList<>();
    tick.run();
    for (String name : kernelNames) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments()); // this JVM's options, as JMH passes them on
      command.addAll(List.of("-cp", System.getProperty("java.class.path"), CLI_MAIN_CLASS,
          "bench", "motion", "--in-process", "--json", "--formats", "none", "--kernels", name,
          "--time-tolerance-us", Long.toString(timeTolerance.microseconds()),
          "--rounds", Integer.toString(rounds), "--warmup", Integer.toString(warmup), "--events", Integer.toString(events)));
      for (Path file : recordings) {
        command.addAll(List.of("--recording", file.toAbsolutePath().toString()));
      }
      if (verbose()) {
        command.add("--verbose"); // a child's internal error then comes with its stack trace
      }
      Map<String, Object> child = ChildJvm.runJson(command, CHILD_ENV, "the " + name + " kernel's benchmark JVM");
      List<?> detector = (List<?>) child.get("detector");
      if (detector == null || detector.size() != 1) {
        throw new IllegalStateException("the " + name + " kernel's benchmark JVM printed no detector row");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> row = (Map<String, Object>) detector.get(0);
      rows.add(row);
      byKernel.add(childRows(child.get("recordings"), name));
      for (int r = 0; r < (warmup + rounds) * (1 + recordings.size()) + recordings.size(); r++) {
        tick.run();
      }
    }
    // file by file, each file's kernels in order (as in one JVM)
    for (int f = 0; f < recordings.size(); f++) {
      for (List<Map<String, Object>> kernelRows : byKernel) {
        recordingRows.add(kernelRows.get(f));
      }
    }
    return rows;
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> childRows(Object list, String kernel) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (recordings.isEmpty()) {
      return rows;
    }
    if (!(list instanceof List) || ((List<?>) list).size() != recordings.size()) {
      throw new IllegalStateException("the " + kernel + " kernel's benchmark JVM printed no row per recording");
    }
    for (Object row : (List<?>) list) {
      rows.add((Map<String, Object>) row);
    }
    return rows;
  }

  private static double number(Map<String, Object> row, String key) {
    Object v = row.get(key);
    if (!(v instanceof Number)) {
      throw new IllegalStateException("benchmark row without '" + key + "': " + row);
    }
    return ((Number) v).doubleValue();
  }

  private void readerTable(List<EventFormat> readerFormats, Runnable tick, Summary summary, Map<String, Object> goals) {
    List<ReaderSpeed> speeds = new ArrayList<>();
    try {
      for (EventFormat f : readerFormats) {
        speeds.add(ReaderSpeed.create(f, readerEvents));
        tick.run();
      }
      for (int r = -warmup; r < rounds; r++) {
        for (int i = 0; i < speeds.size(); i++) {
          speeds.get(inRoundOrder(r, i, speeds.size())).measure(r);
          tick.run();
        }
      }
    } finally {
      speeds.forEach(ReaderSpeed::delete);
    }
    summary.line("Event readers: %,d events per generated file, read through a 4096-event buffer, %d rounds",
        readerEvents, rounds);
    summary.line("%-9s %8s %15s %12s %10s %8s %12s", "format", "Mev/s", "min..max", "bytes Mev/s", "vs bytes", "B/event",
        "KB per open");
    List<Map<String, Object>> rows = new ArrayList<>();
    boolean allFast = true;
    boolean allFree = true;
    for (ReaderSpeed s : speeds) {
      double median = s.reader.median();
      summary.line("%-9s %8.1f %15s %12.1f %10.3f %8.3f %12.1f", s.format.cliName(), median / 1e6,
          range(s.reader.min() / 1e6, s.reader.max() / 1e6), s.bytesOnly.median() / 1e6,
          median / s.bytesOnly.median(), s.reader.medianBytesPerEvent(), s.openBytes / 1024.0);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("format", s.format.cliName());
      row.put("mev_s_median", median / 1e6);
      row.put("mev_s_min", s.reader.min() / 1e6);
      row.put("mev_s_max", s.reader.max() / 1e6);
      row.put("bytes_only_mev_s", s.bytesOnly.median() / 1e6);
      row.put("bytes_per_event", s.reader.medianBytesPerEvent());
      row.put("bytes_per_open", s.openBytes);
      rows.add(row);
      allFast &= median >= GOAL_READER_MEV_S * 1e6;
      allFree &= s.reader.medianBytesPerEvent() < ZERO_BYTES_PER_EVENT;
    }
    goals.put(">= 20 Mev/s per reader", allFast);
    goals.put("0 B/event (readers)", allFree);
    summary.put("reader_events", readerEvents).put("readers", rows);
  }

  /** The plain pass {@link #PLAIN_REPEATS} times (one is too short to time): nanoseconds. */
  private static long timedPlainPasses(MotionInputs[] chunks) {
    long t0 = System.nanoTime();
    long sum = 0;
    for (int i = 0; i < PLAIN_REPEATS; i++) {
      sum += MotionSpeedWorkload.plainPass(chunks);
    }
    long ns = System.nanoTime() - t0;
    ThreadAllocation.consume(sum);
    return Math.max(1, ns);
  }

  private static String range(double minMevS, double maxMevS) {
    return String.format(Locale.ROOT, "%.2f..%.2f", minMevS, maxMevS);
  }

  /** The i-th of n measurements in round r: forward in even rounds, backward in odd ones (warm-up rounds are negative). */
  private static int inRoundOrder(int r, int i, int n) {
    return Math.floorMod(r, 2) == 0 ? i : n - 1 - i;
  }

  private List<String> kernelNames() {
    List<String> out = new ArrayList<>();
    if (kernels.size() == 1 && kernels.get(0).trim().equals("none")) {
      return out;
    }
    for (String k : kernels) {
      String name = k.trim();
      if (!MotionSpeedWorkload.KERNELS.contains(name)) {
        throw new InvalidInputException("--kernels: unknown kernel '" + name + "'; use any of "
            + String.join(", ", MotionSpeedWorkload.KERNELS) + ", or none alone");
      }
      if (!out.contains(name)) {
        out.add(name);
      }
    }
    return out;
  }

  private List<EventFormat> readerFormats() {
    List<EventFormat> out = new ArrayList<>();
    if (formats.size() == 1 && formats.get(0).trim().equals("none")) {
      return out;
    }
    for (String f : formats) {
      EventFormat format;
      try {
        format = EventFormat.parse(f.trim());
      } catch (RuntimeException e) {
        format = null;
      }
      if (format == null || format == EventFormat.AUTO) {
        throw new InvalidInputException("--formats: unknown reader '" + f.trim() + "'; use any of evt2, aedat2, txt, nmnist, or none alone");
      }
      if (!out.contains(format)) {
        out.add(format);
      }
    }
    return out;
  }
}
