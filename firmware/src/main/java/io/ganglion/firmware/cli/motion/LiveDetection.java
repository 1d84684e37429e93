package io.ganglion.firmware.cli.motion;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionDetectorConfig;
import io.ganglion.controllers.motion.MotionOutputs;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.sim.motion.MotionModel;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fixed-point motion detector on a live event source: what {@code ganglion motion live} runs.
 * The caller hands it each update's events ({@link #accept}) and the source's clock; it counts
 * events and output spikes per class in time windows and reports each window once it is
 * complete.
 *
 * <p>Windows start at the stream's first event time t0 (window i: t - t0 in [i w, (i + 1) w), as
 * in {@code motion detect}). A spike's time is the end of its readout bin, and a bin is read out
 * once the clock reaches its end, so when the clock is at T every spike before T has been
 * emitted: the windows ending at or before T are complete and reported, in order. Runs of windows
 * without events are reported as one quiet span. An event that comes back in time within the
 * tolerance (jitter) counts in the oldest window still open.
 *
 * <p>A stream ends at {@link #finish} (the caller's: end of input, a sender gone, a source's
 * {@code newStream}) or when an event's time goes back further than the tolerance (the sources
 * keep each stream in time order, so only a new stream does that): it is flushed and reported, and
 * the next event the detector takes starts a new one from a clean detector state. Events the
 * detector drops (outside the sensor) move no clock and start no stream.
 */
final class LiveDetection {

  /** Hears the windows and streams as they complete. */
  interface Listener {

    /** Stream {@code stream} (1, 2, ...) begins with an event at {@code firstTUs}. */
    void streamStarted(int stream, long firstTUs);

    /** A window of stream {@code stream} starting {@code tStartUs} after its first event, with events or spikes. */
    void window(int stream, long tStartUs, long events, long[] classSpikes);

    /** Windows without events or spikes from {@code tStartUs} after the stream's first event, {@code spanUs} long. */
    void quiet(int stream, long tStartUs, long spanUs);

    /** {@code a}, then {@code b}, hear everything. */
    static Listener both(Listener a, Listener b) {
      return new Listener() {
        @Override
        public void streamStarted(int stream, long firstTUs) {
          a.streamStarted(stream, firstTUs);
          b.streamStarted(stream, firstTUs);
        }

        @Override
        public void window(int stream, long tStartUs, long events, long[] classSpikes) {
          a.window(stream, tStartUs, events, classSpikes);
          b.window(stream, tStartUs, events, classSpikes);
        }

        @Override
        public void quiet(int stream, long tStartUs, long spanUs) {
          a.quiet(stream, tStartUs, spanUs);
          b.quiet(stream, tStartUs, spanUs);
        }
      };
    }
  }

  private final MotionDetector detector;
  private final MotionOutputs out;
  private final long windowUs;
  private final long toleranceUs;
  private final int classes;
  private final Listener listener;
  /** Open windows by index (those not yet reported). */
  private final TreeMap<Long, WindowCounts> open = new TreeMap<>();
  private final long[] classSpikes;

  private int stream;
  private boolean inStream;
  private long t0;
  /** The detector's clock: the latest event time or source time handed to it. */
  private long clockUs;
  /** Windows before this index are reported. */
  private long firstOpen;
  private long events;
  private double durationS;
  private long busyNanos;
  private WindowCounts cached;
  private long cachedIndex = -1;
  private long eventsOutOfRange;
  private long eventsOutOfOrder;
  private long saturations;
  private long spikesDropped;

  /** Per-window counts. */
  private static final class WindowCounts {
    long events;
    final long[] classSpikes;

    WindowCounts(int classes) {
      classSpikes = new long[classes];
    }
  }

  LiveDetection(MotionModel model, SensorSize size, long toleranceUs, long windowUs, Listener listener) {
    if (windowUs < 1) {
      throw new IllegalArgumentException("window must be >= 1 us, got " + windowUs);
    }
    MotionDetectorConfig config = MotionDetectorConfig.of(size.width(), size.height())
        .withSpikeMargin(model.spikeMargin()).withSpikeCapacity(1 << 16).withBackwardsToleranceUs(toleranceUs);
    try {
      this.detector = new MotionDetector(model.toKernel(), config);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(size + " px is too large for the detector: " + e.getMessage()
          + "; give the sensor's size with --width and --height");
    }
    this.out = detector.newOutputs();
    this.windowUs = windowUs;
    this.toleranceUs = toleranceUs;
    this.classes = model.classCount();
    this.listener = listener;
    this.classSpikes = new long[classes];
  }

  /**
   * Runs the detector on {@code batch} (time-ordered within the tolerance, or a new stream), then
   * moves its clock to {@code sourceTimeUs} (the source's clock; -1 or earlier times change
   * nothing) and reports the windows that are complete.
   */
  void accept(EventBuffer batch, long sourceTimeUs) {
    long start = System.nanoTime();
    for (int i = 0, n = batch.count(); i < n; i++) {
      long t = batch.tUs[i];
      if (inStream && t < clockUs - toleranceUs) {
        endStream(); // the sender restarted its clock
      }
      if (!inStream) {
        if (!detector.inRange(batch.x[i], batch.y[i], t, batch.polarity[i])) {
          eventsOutOfRange++; // a stream starts with an event the detector takes: its time is t0
          continue;
        }
        restart(t);
      }
      out.spikeCount = 0;
      // the spikes of the bins this event closes; an event the detector drops (outside the sensor)
      // moves neither its clock nor this one, so windows still wait for the bins it did not close
      if (detector.event(batch.x[i], batch.y[i], t, batch.polarity[i], out)) {
        clockUs = Math.max(clockUs, t);
        window(t).events++;
        events++;
      }
      collectSpikes();
    }
    if (inStream && sourceTimeUs > clockUs) {
      clockUs = sourceTimeUs;
      out.spikeCount = 0;
      detector.advanceTo(sourceTimeUs, out);
      collectSpikes();
    }
    if (inStream) {
      closeWindowsEndingBy(clockUs);
    }
    busyNanos += System.nanoTime() - start;
  }

  /**
   * The end of the current stream (the input ended, a live sender is gone, or the source says the
   * next events are a new stream): its last bin read out and every window reported. The next event
   * the detector takes starts a new stream. Idempotent.
   */
  void finish() {
    long start = System.nanoTime();
    endStream();
    busyNanos += System.nanoTime() - start;
  }

  private void restart(long firstTUs) {
    detector.reset();
    stream++;
    inStream = true;
    t0 = firstTUs;
    clockUs = firstTUs;
    firstOpen = 0;
    cached = null;
    listener.streamStarted(stream, firstTUs);
  }

  private void endStream() {
    if (!inStream) {
      return;
    }
    out.spikeCount = 0;
    detector.flush(out);
    collectSpikes();
    closeWindowsEndingBy(Long.MAX_VALUE);
    durationS += (clockUs - t0) / 1e6;
    eventsOutOfRange += out.eventsOutOfRange;
    eventsOutOfOrder += out.eventsOutOfOrder;
    saturations += out.saturations;
    spikesDropped += out.spikesDroppedTotal;
    inStream = false;
  }

  private void collectSpikes() {
    for (int s = 0; s < out.spikeCount; s++) {
      int c = out.spikeClass[s];
      window(out.spikeTUs[s]).classSpikes[c]++;
      classSpikes[c]++;
    }
  }

  /** The open window of time {@code t} (the oldest open one for a time in a reported window). */
  private WindowCounts window(long t) {
    long index = Math.max(firstOpen, Math.max(0, t - t0) / windowUs);
    WindowCounts w = cached;
    if (w != null && cachedIndex == index) {
      return w;
    }
    w = open.computeIfAbsent(index, i -> new WindowCounts(classes));
    cached = w;
    cachedIndex = index;
    return w;
  }

  /** Reports, in order, the open windows that end at or before {@code tUs} (and the quiet spans between them). */
  private void closeWindowsEndingBy(long tUs) {
    long complete = tUs == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, tUs - t0) / windowUs; // windows < complete end by tUs
    while (!open.isEmpty() && open.firstKey() < complete) {
      Map.Entry<Long, WindowCounts> e = open.pollFirstEntry();
      long index = e.getKey();
      if (index > firstOpen) {
        listener.quiet(stream, firstOpen * windowUs, (index - firstOpen) * windowUs);
      }
      listener.window(stream, index * windowUs, e.getValue().events, e.getValue().classSpikes);
      firstOpen = index + 1;
      if (e.getValue() == cached) {
        cached = null;
      }
    }
  }

  /** Streams started so far. */
  int streams() {
    return stream;
  }

  /** Events the detector took (not those it dropped: outside the sensor). */
  long events() {
    return events;
  }

  /** Output spikes per class, over all streams. */
  long[] classSpikes() {
    return classSpikes.clone();
  }

  /** Sensor time covered by the finished streams, in seconds (first to last event or clock). */
  double durationS() {
    return durationS;
  }

  /** Wall time spent in the detector and the window counts. */
  long busyNanos() {
    return busyNanos;
  }

  /** Events the detector dropped: outside the sensor (finished streams). */
  long eventsOutOfRange() {
    return eventsOutOfRange;
  }

  /** Events the detector dropped: too far back in time (finished streams). */
  long eventsOutOfOrder() {
    return eventsOutOfOrder;
  }

  /** Saturated additions in the detector's neurons (finished streams). */
  long saturations() {
    return saturations;
  }

  /** Output spikes lost because one event closed more bins than the outputs hold (finished streams). */
  long spikesDropped() {
    return spikesDropped;
  }
}
