package io.ganglion.firmware.cli.motion;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventSourceInputs;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.firmware.cli.support.BrokerOptions;
import io.ganglion.firmware.cli.support.OptionalBrokerOptions;
import io.ganglion.firmware.cli.support.StopSignal;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.TimeToleranceOption;
import io.ganglion.sim.motion.MotionModel;
import io.ganglion.sim.motion.MotionModelFile;
import io.ganglion.sim.motion.MotionModels;
import io.ganglion.telemetry.protocol.Names;
import io.ganglion.telemetry.protocol.TelemetryFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ganglion motion live}: the motion detector on a live event source, window by window as they complete. */
@Command(
    name = "live",
    mixinStandardHelpOptions = true,
    versionProvider = io.ganglion.firmware.cli.support.VersionProvider.class,
    description = {
      "Run the motion detector (fixed point) on a live event source: EVT 2.0 words over",
      "TCP or UDP (a camera bridged from other software), or a file replayed in real",
      "time. Prints each time window's direction histogram as soon as the window is",
      "complete, and a summary at the end of the stream, at --duration-s or on Ctrl-C."
    },
    footer = {"", "Directions are in the sensor's image axes: 0 = right, 90 = down.",
      "With --broker it publishes like a board: a sample per window on",
      "robots/ID/telemetry/motion. Docs: docs/motion.md, 'Live'.",
      "", "Examples:",
      "  ganglion motion live --replay rec.raw",
      "  ganglion motion live --tcp 7777 --width 640 --height 480",
      "      (then, from the camera side: nc -N 127.0.0.1 7777 < rec.raw)",
      "  ganglion motion live --udp 7777 --width 346 --height 260 --json",
      "  ganglion motion live --tcp 7777 --broker embedded",
      "      (and, to watch it: ganglion monitor --broker tcp://127.0.0.1:1883)"})
public final class MotionLiveCommand implements Callable<Integer> {

  /** The source: exactly one. */
  static final class Source {
    @Option(names = "--tcp", paramLabel = "PORT", required = true,
        description = "Listen on this TCP port for a client sending EVT 2.0 words (a RAW header first is allowed).")
    Integer tcpPort;

    @Option(names = "--udp", paramLabel = "PORT", required = true,
        description = "Receive datagrams of EVT 2.0 words on this UDP port.")
    Integer udpPort;

    @Option(names = "--replay", paramLabel = "FILE", required = true,
        description = "Replay an event file (EVT 2.0, AEDAT 2.0, RPG text or N-MNIST) paced by its timestamps.")
    Path replay;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
      description = "Address to listen on for --tcp/--udp: 127.0.0.1 (this machine) or 0.0.0.0 (every interface) (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(names = "--width", paramLabel = "PX", description = "Sensor width (with --height); needed for --udp, and for --tcp unless the RAW header gives it.")
  Integer width;

  @Option(names = "--height", paramLabel = "PX", description = "Sensor height (with --width).")
  Integer height;

  @Option(names = "--speed", paramLabel = "X",
      description = "--replay pace: 1 = real time, 10 = ten times faster, max = as fast as possible (default: 1).")
  String speed;

  @Option(names = "--format", paramLabel = "F",
      description = "--replay file format: auto, evt2, aedat2, txt or nmnist (default: auto).")
  String format;

  @Mixin TimeToleranceOption timeTolerance;

  @Option(names = "--model", paramLabel = "FILE", description = "Motion model file from 'ganglion motion train' (default: the built-in model).")
  Path modelFile;

  @Option(names = "--window-ms", paramLabel = "MS", defaultValue = "100", description = "Histogram window in ms, 1..3600000 (default: ${DEFAULT-VALUE}).")
  double windowMs;

  @Option(names = "--duration-s", paramLabel = "S",
      description = "Stop after this many seconds of wall time (default: at the end of the stream, or on Ctrl-C).")
  Double durationS;

  @Option(names = "--once", description = "--tcp/--udp: stop when the first stream ends (TCP: the client disconnects; UDP: no datagram for 1 s; or the next one begins).")
  boolean once;

  @Mixin OptionalBrokerOptions broker;

  @Option(names = "--board", paramLabel = "ID", defaultValue = "motion",
      description = "With --broker: board id to publish as, robots/ID/... (default: ${DEFAULT-VALUE}).")
  String board;

  @Option(names = "--telemetry-format", paramLabel = "FMT", defaultValue = "binary",
      description = "With --broker: telemetry payloads, binary or json (default: ${DEFAULT-VALUE}).")
  String telemetryFormat;

  @Option(names = "--json", description = "Print JSON Lines on stdout: one object per window (\"type\": \"window\" or \"quiet\"), then the summary (\"type\": \"summary\").")
  boolean json;

  @Spec CommandSpec spec;

  /** Events taken from the source per update. */
  private static final int UPDATE_EVENTS = 1 << 14;

  @Override
  public Integer call() throws Exception {
    long windowUs = RecordingDetection.windowUs(windowMs);
    if (durationS != null && !(durationS > 0 && durationS <= 1e7)) {
      throw new InvalidInputException("--duration-s must be a positive number of seconds (at most 1e7), got " + durationS);
    }
    SensorSize size = optionSize();
    if (source.udpPort != null && !size.isKnown()) {
      throw new InvalidInputException("--udp needs the sensor size: give --width and --height (EVT 2.0 words carry none)");
    }
    if (source.replay == null && (speed != null || format != null)) {
      throw new InvalidInputException((speed != null ? "--speed" : "--format") + " is for --replay; --tcp/--udp carry"
          + " EVT 2.0 words at the sender's pace");
    }
    if (once && source.replay != null) {
      throw new InvalidInputException("--once is for --tcp/--udp; a replay ends with its file anyway");
    }
    broker.requireBrokerFor(spec.commandLine().getParseResult(), "--board", "--telemetry-format");
    double pace = replaySpeed();
    TelemetryFormat publishFormat = TelemetryFormat.parse(telemetryFormat);
    Names.requireBoardId(board);
    MotionModel model = modelFile == null ? MotionModels.defaultModel() : MotionModelFile.read(modelFile);
    MotionDirections directions = new MotionDirections(model);
    if (broker.enabled()) {
      MotionTelemetry.schema(directions); // a model telemetry cannot carry fails before anything starts
    }
    long toleranceUs = timeTolerance.microseconds();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long deadline = durationS == null ? Long.MAX_VALUE : System.nanoTime() + (long) (durationS * 1e9);
    try (StopSignal stop = StopSignal.install(10_000); LiveSource open = open(size, pace, toleranceUs);
        MotionTelemetry telemetry = broker.enabled() ? MotionTelemetry.start(
            broker.open(BrokerOptions.clientId("ganglion-" + board), err), board, publishFormat, directions,
            "motion live " + open.name + " model=" + (modelFile == null ? "built-in" : modelFile)) : null) {
      err.println(open.description + (durationS == null ? "; Ctrl-C to stop" : ""));
      if (telemetry != null) {
        err.println("ganglion: publishing as robots/" + board + "/ on " + telemetry.url()
            + (telemetry.isConnected() ? "" : " (not connected after 5 s: " + telemetry.lastConnectionError()
                + "; windows before the connection are dropped and counted)"));
      }
      err.flush();
      LiveWindowPrinter printer = new LiveWindowPrinter(out, directions, json);
      LiveDetection.Listener listener = telemetry == null ? printer : LiveDetection.Listener.both(printer, telemetry);
      EventSourceInputs inputs = new EventSourceInputs(UPDATE_EVENTS);
      LiveDetection detection = null;
      GanglionException failure = null;
      long firstEventNanos = 0;
      while (!stop.stopped() && System.nanoTime() < deadline) {
        open.io.updateInputs(inputs);
        int n = inputs.events.count();
        if (n > 0 && detection == null) {
          firstEventNanos = System.nanoTime(); // the wall clock of the summary: from here, not from the waits before
          SensorSize sensor = open.size.isKnown() ? open.size : inputs.sensorSize;
          if (!sensor.isKnown()) {
            throw new InvalidInputException("the stream declares no sensor size (no RAW header with a geometry line);"
                + " give --width and --height");
          }
          detection = new LiveDetection(model, sensor, toleranceUs, windowUs, listener);
        }
        if (detection != null && inputs.newStream) {
          detection.finish(); // the source says these events are a new stream (a connection, a restart)
        }
        if (detection != null) {
          // a paced replay's clock runs on between events; it covers every event due only when the update was not full
          detection.accept(inputs.events, open.paced && n < UPDATE_EVENTS ? inputs.sensorTimeUs : -1);
        }
        if (inputs.failure != null) {
          failure = inputs.failure;
          break;
        }
        boolean senderGone = open.network && !inputs.endOfStream && !inputs.connected && n == 0;
        if ((senderGone || inputs.streamEnds) && detection != null) {
          // the TCP client disconnected or UDP went quiet, or a later stream has begun (e.g. the next
          // TCP client, idle so far), and all of this one is processed: it ends here, its last windows
          // out now; the next event the detector takes starts a new one
          detection.finish();
        }
        // --once: the first stream is over (its sender came and is gone, or the next one has begun)
        if (inputs.endOfStream && n == 0 || once && (inputs.connections > 0 && senderGone || inputs.streamEnds)) {
          break;
        }
        if (n < UPDATE_EVENTS) {
          LockSupport.parkNanos(open.idleNanos());
        }
      }
      if (detection != null) {
        detection.finish();
      }
      double wallS = detection == null ? 0 : (System.nanoTime() - firstEventNanos) / 1e9;
      Summary summary = summary(detection, inputs, open, model, directions, wallS, stop.signalled());
      if (telemetry != null) {
        telemetry.close(); // drains and publishes the offline status: the counters are final
        Map<String, Long> c = telemetry.counters();
        summary.put("telemetry", c).line("published as robots/%s/ on %s: %d windows offered, %d sent, %d events",
            board, telemetry.url(), c.get("samples_offered"), c.get("samples_sent"), c.get("events_sent"));
      }
      summary.print(out, json);
      if (failure != null) {
        throw failure; // after the summary: what was read before the bad record is reported
      }
    }
    return 0;
  }

  private SensorSize optionSize() {
    if ((width == null) != (height == null)) {
      throw new InvalidInputException("--width and --height go together; give both or neither");
    }
    if (width == null) {
      return SensorSize.UNKNOWN;
    }
    if (width < 1 || height < 1 || width > 2048 || height > 2048) {
      throw new InvalidInputException("--width and --height must be 1..2048 px (EVT 2.0 coordinates have 11 bits), got "
          + width + "x" + height);
    }
    return new SensorSize(width, height);
  }

  /** The replay pace: a positive factor (default 1), or +infinity for 'max'. */
  private double replaySpeed() {
    if (speed == null) {
      return 1;
    }
    if ("max".equals(speed)) {
      return Double.POSITIVE_INFINITY;
    }
    double x;
    try {
      x = Double.parseDouble(speed);
    } catch (NumberFormatException e) {
      x = Double.NaN;
    }
    if (!(x > 0 && x <= 1e6)) {
      throw new InvalidInputException("--speed must be a positive factor up to 1e6 (1 = real time) or 'max', got '" + speed + "'");
    }
    return x;
  }

  private LiveSource open(SensorSize size, double pace, long toleranceUs) {
    if (source.replay != null) {
      return LiveSource.replay(source.replay, format == null ? "auto" : format, size, toleranceUs, pace);
    }
    return source.tcpPort != null ? LiveSource.tcp(bind, source.tcpPort, size, toleranceUs)
        : LiveSource.udp(bind, source.udpPort, size, toleranceUs);
  }

  private Summary summary(LiveDetection d, EventSourceInputs in, LiveSource open, MotionModel model,
      MotionDirections directions, double wallS, boolean interrupted) {
    long[] perClass = d == null ? new long[model.classCount()] : d.classSpikes();
    long spikes = 0;
    for (long c : perClass) {
      spikes += c;
    }
    long events = d == null ? 0 : d.events();
    double durationS = d == null ? 0 : d.durationS();
    double busy = d == null || wallS <= 0 ? 0 : d.busyNanos() / 1e9 / wallS;
    long outOfOrder = in.outOfOrder + (d == null ? 0 : d.eventsOutOfOrder());
    long outOfRange = d == null ? 0 : d.eventsOutOfRange();
    long saturations = d == null ? 0 : d.saturations();
    long spikesDropped = d == null ? 0 : d.spikesDropped();
    Summary s = new Summary();
    s.put("type", "summary")
        .put("source", open.name)
        .put("streams", d == null ? 0 : d.streams())
        .put("events", events)
        .put("duration_s", durationS)
        .put("spikes", spikes)
        .put("dominant_direction_deg", MotionDirections.nullable(directions.dominantDirectionDeg(perClass)))
        .put("dominant_speed_px_s", MotionDirections.nullable(directions.dominantSpeedPxPerS(perClass)))
        .put("directions_deg", directions.directionsDeg())
        .put("direction_histogram", directions.histogram(perClass))
        .put("events_dropped", in.droppedEvents)
        .put("malformed", in.malformed)
        .put("events_out_of_order", outOfOrder)
        .put("events_out_of_range", outOfRange)
        .put("skipped", in.skipped)
        .put("jitter_clamped", in.jitterClamped)
        .put("stream_marks_lost", in.streamMarksLost)
        .put("saturations", saturations)
        .put("spikes_dropped", spikesDropped)
        .put("wall_s", wallS)
        .put("busy_fraction", busy)
        .put("interrupted", interrupted);
    s.line("%s: %d stream%s, %d events over %.3f s of sensor time; dominant direction %s (%d spikes)",
        open.name, d == null ? 0 : d.streams(), d != null && d.streams() == 1 ? "" : "s", events, durationS,
        directions.describeDominant(perClass), spikes);
    s.line("source: %d dropped (consumer behind), %d malformed, %d out of order, %d skipped, %d clamped (jitter)%s",
        in.droppedEvents, in.malformed, outOfOrder, in.skipped, in.jitterClamped,
        in.streamMarksLost > 0 ? ", " + in.streamMarksLost + " stream starts lost (two streams came as one)" : "");
    if (outOfRange + saturations + spikesDropped > 0) {
      s.line("detector: %d events outside the sensor (dropped), %d saturated additions, %d spikes dropped", outOfRange,
          saturations, spikesDropped);
    }
    s.line("detector: busy %.1f%% of %.1f s wall time from the first event (model: %s, %d classes)%s", 100 * busy,
        wallS, modelFile == null ? "built-in" : modelFile, model.classCount(), interrupted ? "; stopped by a signal" : "");
    if (open.paced && durationS > 0 && wallS > 0) {
      // sensor seconds per wall second: a paced replay that keeps up runs at its --speed
      double rate = durationS / wallS;
      s.put("sensor_s_per_wall_s", rate);
      if (rate < 0.9 * open.speed) {
        s.line("fell behind: %.3gx real time against --speed %s (the detector's limit here: try a sparser model)",
            rate, LiveSource.factor(open.speed));
      }
    }
    return s;
  }
}
