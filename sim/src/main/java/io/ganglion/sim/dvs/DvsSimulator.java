package io.ganglion.sim.dvs;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventWriter;
import io.ganglion.drivers.events.SensorSize;

/**
 * A DVS (event camera) watching a texture that moves along a {@link MotionTrack}: every
 * {@code samplePeriodUs} it renders the scene's log intensity {@code L(x, y, t) = ln I(x - ox(t),
 * y - oy(t))} and runs the pixel model ({@link DvsSensorConfig}; equations in
 * docs/dvs-simulator.md) over the interval since the previous sample. Events have microsecond
 * times from 0 to the track's duration, are sorted within each interval and never go backwards.
 *
 * <p>Streaming: {@link #next(EventBuffer)} fills a buffer chunk by chunk in bounded memory
 * (the sensor's frames and per-pixel state plus one interval's events); it allocates nothing in
 * steady state (the interval buffer grows only when an interval has more events than any before).
 * Deterministic: the same (size, texture, track, config, seed) give the same events on every JVM.
 * Not thread-safe; one simulator per thread.
 */
public final class DvsSimulator {

  /** Largest supported side (EVT 2.0 has 11-bit coordinates). */
  public static final int MAX_SIDE_PX = 2048;

  private final SensorSize size;
  private final int width;
  private final int height;
  private final Texture texture;
  private final MotionTrack track;
  private final DvsSensorConfig config;
  private final long seed;
  private final DvsPixelArray pixels;
  private final EventStaging staging;
  private float[] prev;
  private float[] cur;
  private long t0Us;
  private final long durationUs;
  private long samples;
  private long delivered;

  /**
   * @param size the pixel array (1..2048 on each side)
   * @param seed seeds the sensor's threshold mismatch and noise (the texture and track carry their own)
   */
  public DvsSimulator(SensorSize size, Texture texture, MotionTrack track, DvsSensorConfig config, long seed) {
    if (!size.isKnown() || size.width() > MAX_SIDE_PX || size.height() > MAX_SIDE_PX) {
      throw new InvalidInputException("simulated sensor must be between 1x1 and " + MAX_SIDE_PX + "x" + MAX_SIDE_PX + ", got " + size);
    }
    this.size = size;
    this.width = size.width();
    this.height = size.height();
    this.texture = texture;
    this.track = track;
    this.config = config;
    this.seed = seed;
    this.durationUs = track.durationUs();
    int n = width * height;
    pixels = new DvsPixelArray(n, config, seed);
    staging = new EventStaging(Math.min(1 << 18, Math.max(4096, n / 4)), config.samplePeriodUs());
    prev = new float[n];
    cur = new float[n];
    render(0, prev);
    pixels.init(prev);
    samples = 1;
  }

  private void render(long tUs, float[] dest) {
    int s = track.segmentIndexAt(tUs);
    MotionSegment seg = track.segment(s);
    texture.renderLog(seg.offsetXAt(tUs), seg.offsetYAt(tUs), width, height, dest);
  }

  /**
   * Clears {@code dest} and fills it with the next events (up to its capacity); returns how many.
   * 0 means the movie is over.
   */
  public int next(EventBuffer dest) {
    return next(dest, Long.MAX_VALUE);
  }

  /**
   * Clears {@code dest} and fills it with the next events whose time is {@code <= untilUs} (up to
   * its capacity); returns how many. Simulates only as far as needed. 0 means no event up to
   * {@code untilUs} (or, when {@link #finished()}, none ever).
   */
  public int next(EventBuffer dest, long untilUs) {
    dest.clear();
    while (!dest.isFull()) {
      if (staging.hasPending()) {
        if (staging.peekTUs() > untilUs) {
          break;
        }
        staging.deliver(dest, width, untilUs);
        continue;
      }
      if (t0Us >= durationUs || t0Us >= untilUs) {
        break;
      }
      step();
    }
    delivered += dest.count();
    return dest.count();
  }

  /** Simulates the next sampling interval (t0, t1] into the staging buffer. */
  private void step() {
    long t1Us = Math.min(t0Us + config.samplePeriodUs(), durationUs);
    render(t1Us, cur);
    staging.begin();
    pixels.step(prev, cur, t0Us, t1Us, staging);
    staging.finish(t0Us, (int) (t1Us - t0Us));
    float[] swap = prev;
    prev = cur;
    cur = swap;
    t0Us = t1Us;
    samples++;
  }

  /**
   * Writes every remaining event to {@code writer}, through {@code scratch}; returns how many.
   * Does not close the writer.
   */
  public long drainTo(EventWriter writer, EventBuffer scratch) {
    long n = 0;
    int k;
    while ((k = next(scratch)) > 0) {
      writer.write(scratch);
      n += k;
    }
    return n;
  }

  /** True when every event has been delivered. */
  public boolean finished() {
    return t0Us >= durationUs && !staging.hasPending();
  }

  /** The simulated time so far: the latest sample's time, us. */
  public long timeUs() {
    return t0Us;
  }

  /** Time of the next event if the current interval still holds one, else -1 (then it is >= {@link #timeUs()}). */
  public long nextStagedTUs() {
    return staging.hasPending() ? staging.peekTUs() : -1;
  }

  public long durationUs() {
    return durationUs;
  }

  public SensorSize size() {
    return size;
  }

  public Texture texture() {
    return texture;
  }

  public MotionTrack track() {
    return track;
  }

  public DvsSensorConfig config() {
    return config;
  }

  public long seed() {
    return seed;
  }

  /** Events handed out so far by {@link #next}. */
  public long eventsDelivered() {
    return delivered;
  }

  /** Events generated so far (delivered or waiting in the current interval). */
  public long eventsGenerated() {
    return pixels.onEvents + pixels.offEvents + pixels.noiseEvents;
  }

  /** Threshold-crossing ON events generated so far (noise excluded). */
  public long onEvents() {
    return pixels.onEvents;
  }

  /** Threshold-crossing OFF events generated so far (noise excluded). */
  public long offEvents() {
    return pixels.offEvents;
  }

  /** Background noise events generated so far (either polarity). */
  public long noiseEvents() {
    return pixels.noiseEvents;
  }

  /** Crossings and noise events dropped by the refractory period so far. */
  public long refractorySuppressed() {
    return pixels.suppressed;
  }

  /** Scene renders so far (including the one at t = 0). */
  public long samples() {
    return samples;
  }

  /** Pixel p's ON threshold (p = y * width + x), after mismatch. */
  public double thresholdOn(int x, int y) {
    return pixels.thresholdOn(y * width + x);
  }

  /** Pixel p's OFF threshold, after mismatch. */
  public double thresholdOff(int x, int y) {
    return pixels.thresholdOff(y * width + x);
  }
}
