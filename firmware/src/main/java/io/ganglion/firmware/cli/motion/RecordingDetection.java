package io.ganglion.firmware.cli.motion;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionDetectorConfig;
import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.drivers.events.SizedEventFile;
import io.ganglion.sim.motion.MotionModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Runs the fixed-point motion detector over an event file and counts its output spikes per class
 * in time windows: what {@code ganglion motion detect} prints and plots.
 *
 * <p>Windows start at the file's first event time t0: window i holds the events with
 * t - t0 in [i w, (i + 1) w) and the spikes whose time (end of the readout bin) falls there.
 * Directions: the model's distinct class directions; the histogram of a window counts spikes per
 * direction over all speeds; the dominant direction is the most frequent one (ties: the smaller
 * angle) and the dominant speed the most frequent speed among that direction's spikes.
 */
final class RecordingDetection {

  /** The most histogram windows a recording may fill (each holds a count per class). */
  static final int MAX_WINDOWS = 100_000;

  /**
   * The window of {@code --window-ms} in us: 1 ms (the detector's bins are milliseconds) to one
   * hour, else a usage error. Shared by {@code motion detect} and {@code motion live}.
   */
  static long windowUs(double windowMs) {
    if (!(windowMs >= 1) || !Double.isFinite(windowMs) || windowMs > 3_600_000) {
      throw new InvalidInputException("--window-ms must be 1 to 3600000 ms (the detector's bins are milliseconds), got "
          + windowMs);
    }
    return Math.round(windowMs * 1000);
  }

  /** One time window: events, spikes per class. */
  record Window(long tStartUs, long events, long[] classSpikes) {

    long spikes() {
      long n = 0;
      for (long c : classSpikes) {
        n += c;
      }
      return n;
    }
  }

  /** Everything the detection produced. */
  record Result(String file, EventFormat format, SensorSize size, boolean sizeObserved, long events, long firstTUs,
      long lastTUs, long windowUs, List<Window> windows, long[] classSpikes, MotionOutputs counters, double wallS,
      MotionModel model, MotionDirections directions) {

    long spikes() {
      long n = 0;
      for (long c : classSpikes) {
        n += c;
      }
      return n;
    }

    double durationS() {
      return events == 0 ? 0 : (lastTUs - firstTUs) / 1e6;
    }

    /** The distinct class directions in degrees, ascending. */
    double[] directionsDeg() {
      return directions().directionsDeg();
    }

    /** Spikes per direction (index into {@link #directionsDeg()}). */
    long[] directionHistogram(long[] perClass) {
      return directions().histogram(perClass);
    }

    /** The most frequent direction (deg), or NaN without spikes. */
    double dominantDirectionDeg(long[] perClass) {
      return directions().dominantDirectionDeg(perClass);
    }

    /** The most frequent speed (px/s) among the spikes of the dominant direction, or NaN. */
    double dominantSpeedPxPerS(long[] perClass) {
      return directions().dominantSpeedPxPerS(perClass);
    }
  }

  private RecordingDetection() {}

  /**
   * Detects motion in {@code input}. Without a size from the options or the file, a first pass
   * measures the coordinates' range (max x + 1, max y + 1). {@code progress} hears the bytes read.
   */
  static Result run(Path input, EventReaderConfig readerConfig, MotionModel model, long windowUs,
      LongConsumer progress) {
    long start = System.nanoTime();
    SizedEventFile sized = SizedEventFile.of(input, readerConfig);
    SensorSize size = sized.size();
    boolean observed = sized.observed();
    if (!size.isKnown()) {
      throw new InvalidInputException(input + ": the file holds no events and declares no sensor size; nothing to detect");
    }
    MotionDetectorConfig detectorConfig = MotionDetectorConfig.of(size.width(), size.height())
        .withSpikeMargin(model.spikeMargin()).withSpikeCapacity(1 << 16)
        .withBackwardsToleranceUs(readerConfig.backwardsToleranceUs());
    MotionDetector detector;
    try {
      detector = new MotionDetector(model.toKernel(), detectorConfig);
    } catch (IllegalArgumentException e) {
      // a size the detector cannot hold (its time surface over 2^30 entries, or its neurons over 2^28)
      throw new InvalidInputException(input + ": " + size + " px " + (observed ? "(the extent of its events) " : "")
          + "is too large for the detector: " + e.getMessage() + "; give the sensor's size with --width and --height");
    }
    MotionInputs in = new MotionInputs(0);
    MotionOutputs out = detector.newOutputs();
    int classes = model.classCount();
    List<WindowCounts> windows = new ArrayList<>();
    long[] total = new long[classes];
    long events = 0;
    long first = 0;
    long last = 0;
    EventFormat format;
    try (EventReader reader = EventFiles.open(input, sized.config())) {
      format = reader.format();
      EventBuffer buf = new EventBuffer(1 << 12);
      int n;
      while ((n = reader.read(buf)) > 0) {
        if (events == 0) {
          first = buf.tUs[0];
        }
        for (int i = 0; i < n; i++) {
          window(windows, first, windowUs, buf.tUs[i], classes).events++;
        }
        last = buf.tUs[n - 1];
        events += n;
        in.wrap(buf.x, buf.y, buf.tUs, buf.polarity, n);
        detector.step(in, out);
        collect(out, windows, total, first, windowUs, classes);
        if (progress != null) {
          progress.accept(reader.stats().bytesRead());
        }
      }
    }
    detector.flush(out);
    collect(out, windows, total, first, windowUs, classes);
    List<Window> result = new ArrayList<>();
    for (WindowCounts w : windows) {
      result.add(new Window(w.tStartUs, w.events, w.classSpikes));
    }
    return new Result(input.getFileName().toString(), format, size, observed, events, first, last, windowUs, result,
        total, out, (System.nanoTime() - start) / 1e9, model, new MotionDirections(model));
  }

  private static void collect(MotionOutputs out, List<WindowCounts> windows, long[] total, long first, long windowUs,
      int classes) {
    for (int s = 0; s < out.spikeCount; s++) {
      window(windows, first, windowUs, out.spikeTUs[s], classes).classSpikes[out.spikeClass[s]]++;
      total[out.spikeClass[s]]++;
    }
  }

  /** A window's counts while the file is read. */
  private static final class WindowCounts {
    final long tStartUs;
    final long[] classSpikes;
    long events;

    WindowCounts(long tStartUs, int classes) {
      this.tStartUs = tStartUs;
      this.classSpikes = new long[classes];
    }
  }

  private static WindowCounts window(List<WindowCounts> windows, long first, long windowUs, long tUs, int classes) {
    long at = Math.max(0, (tUs - first) / windowUs);
    if (at >= MAX_WINDOWS) {
      throw new InvalidInputException(String.format(java.util.Locale.ROOT,
          "the recording runs past %,d windows of %.3f ms (an event at %.3f s after the first); use a larger --window-ms",
          MAX_WINDOWS, windowUs / 1e3, (tUs - first) / 1e6));
    }
    int index = (int) at;
    while (windows.size() <= index) {
      windows.add(new WindowCounts(first + windows.size() * windowUs, classes));
    }
    return windows.get(index);
  }
}
