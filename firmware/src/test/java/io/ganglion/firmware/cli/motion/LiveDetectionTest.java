package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.sim.dvs.MotionClasses;
import io.ganglion.sim.dvs.MotionMovie;
import io.ganglion.sim.dvs.MotionMovieConfig;
import io.ganglion.sim.motion.MotionModels;
import io.ganglion.testkit.AllocationMeter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link LiveDetection}: when windows are complete, stream restarts, quiet spans. */
class LiveDetectionTest {

  static final long WINDOW_US = 20_000;

  /** What a listener heard, with the detector's clock at each report. */
  static final class Heard implements LiveDetection.Listener {
    final List<String> windows = new ArrayList<>();
    final List<Long> windowEnds = new ArrayList<>();
    final List<String> quiet = new ArrayList<>();
    int streams;
    long clockUs;
    long firstTUs;

    @Override
    public void streamStarted(int stream, long first) {
      streams = stream;
      firstTUs = first;
    }

    @Override
    public void window(int stream, long tStartUs, long events, long[] classSpikes) {
      windows.add(stream + "@" + tStartUs + ":" + events + ":" + Arrays.toString(classSpikes));
      windowEnds.add(firstTUs + tStartUs + WINDOW_US);
      assertTrue(firstTUs + tStartUs + WINDOW_US <= clockUs || clockUs == Long.MAX_VALUE,
          "window at " + tStartUs + " reported before the clock (" + clockUs + ") passed its end");
    }

    @Override
    public void quiet(int stream, long tStartUs, long spanUs) {
      quiet.add(stream + "@" + tStartUs + "+" + spanUs);
    }
  }

  static EventBuffer movie() {
    MotionClasses classes = new MotionClasses(12, new double[] {0.04, 0.08, 0.16, 0.32, 0.63});
    return MotionMovie.generate(MotionMovieConfig.of(64, 64, 100_000, classes), classes.classIndex(2, 0), 3).allEvents();
  }

  static LiveDetection detection(Heard heard) {
    return new LiveDetection(MotionModels.defaultModel(), new SensorSize(64, 64), 1000, WINDOW_US, heard);
  }

  /**
   * Hands {@code events} to {@code d} in batches of {@code batch}, the listener's clock at each
   * batch's last time (any time during a batch that restarts the stream).
   */
  static void feed(LiveDetection d, Heard heard, EventBuffer events, int batch) {
    EventBuffer b = new EventBuffer(batch);
    for (int from = 0; from < events.count(); from += batch) {
      b.clear();
      b.append(events, from, Math.min(batch, events.count() - from));
      // a time back beyond the tolerance: the sender restarted, and the old stream's last windows are reported now
      boolean restart = b.firstTUs() < heard.clockUs - 1000;
      heard.clockUs = restart ? Long.MAX_VALUE : Math.max(heard.clockUs, b.lastTUs());
      d.accept(b, -1);
      if (restart) {
        heard.clockUs = b.lastTUs();
      }
    }
  }

  /** What a detection of {@code events} in batches of 500, to its end, reports: the reference of the tests below. */
  static Heard reference(EventBuffer events) {
    Heard heard = new Heard();
    LiveDetection d = detection(heard);
    feed(d, heard, events, 500);
    heard.clockUs = Long.MAX_VALUE;
    d.finish();
    return heard;
  }

  @Test
  void aWindowIsReportedOnlyOnceTheClockHasPassedItsEndWhateverTheBatches() {
    EventBuffer m = movie();
    List<String> reference = null;
    for (int batch : new int[] {1, 7, 1000, 1 << 16}) {
      Heard heard = new Heard();
      LiveDetection d = detection(heard);
      feed(d, heard, m, batch);
      int beforeFinish = heard.windows.size();
      assertTrue(beforeFinish >= 3, "100 ms of events close most 20 ms windows before the end: " + heard.windows);
      heard.clockUs = Long.MAX_VALUE;
      d.finish();
      assertEquals(m.count(), d.events());
      if (reference == null) {
        reference = heard.windows;
      }
      assertEquals(reference, heard.windows, "batch size " + batch + " changes nothing");
    }
  }

  @Test
  void aTimeGoingBackBeyondTheToleranceStartsANewStreamReportedLikeTheFirst() {
    EventBuffer m = movie();
    Heard heard = new Heard();
    LiveDetection d = detection(heard);
    feed(d, heard, m, 5000);
    // the sender restarts: its clock starts again
    feed(d, heard, m, 5000);
    heard.clockUs = Long.MAX_VALUE;
    d.finish();
    assertEquals(2, d.streams());
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (String w : heard.windows) {
      (w.startsWith("1@") ? first : second).add(w.substring(2));
    }
    assertEquals(first, second, "the detector starts the second stream from a clean state");
    assertEquals(2L * m.count(), d.events());
  }

  @Test
  void windowsWithoutEventsAreOneQuietSpan() {
    EventBuffer m = movie();
    EventBuffer gap = new EventBuffer(m.count());
    gap.append(m, 0, m.count());
    long shift = 1_000_000; // the second half one second later
    int half = m.count() / 2;
    for (int i = half; i < gap.count(); i++) {
      gap.tUs[i] += shift;
    }
    Heard heard = new Heard();
    LiveDetection d = detection(heard);
    feed(d, heard, gap, 3000);
    heard.clockUs = Long.MAX_VALUE;
    d.finish();
    assertEquals(1, d.streams(), "a jump forward is the same stream");
    assertEquals(1, heard.quiet.size(), heard.quiet.toString());
    String q = heard.quiet.get(0);
    long span = Long.parseLong(q.substring(q.indexOf('+') + 1));
    assertTrue(span >= shift - 2 * WINDOW_US && span % WINDOW_US == 0, q);
  }

  @Test
  void theSourceClockClosesWindowsWithoutEvents() {
    EventBuffer m = movie();
    int half = m.count() / 2;
    EventBuffer first = new EventBuffer(half);
    first.append(m, 0, half);
    Heard heard = new Heard();
    LiveDetection d = detection(heard);
    heard.clockUs = first.lastTUs();
    d.accept(first, -1);
    int byEvents = heard.windows.size();
    long quietUntil = first.lastTUs() + 5 * WINDOW_US; // a paced replay's clock, no event since
    heard.clockUs = quietUntil;
    d.accept(new EventBuffer(1), quietUntil);
    assertTrue(heard.windows.size() > byEvents, "the replay clock passed the open windows' ends: " + heard.windows);
    long lastEnd = heard.windowEnds.get(heard.windowEnds.size() - 1);
    assertTrue(lastEnd > first.lastTUs(), "the window of the last event is out too: " + heard.windows);
  }

  @Test
  void anEventTheDetectorDropsMovesNoClock() {
    EventBuffer m = movie();
    Heard plain = reference(m);
    // the same events with one outside the 64 x 64 sensor, 25 ms ahead of its neighbours, in the middle
    int at = m.count() / 3;
    EventBuffer withBad = new EventBuffer(m.count() + 1);
    withBad.append(m, 0, at);
    withBad.add(1000, 5, m.tUs[at] + 25_000, true);
    EventBuffer rest = new EventBuffer(m.count() - at);
    rest.append(m, at, m.count() - at);
    Heard heard = new Heard();
    LiveDetection d = detection(heard);
    feed(d, heard, withBad, 500);
    heard.clockUs = rest.firstTUs(); // the listener's clock: the detector's, which the dropped event did not move
    feed(d, heard, rest, 500);
    heard.clockUs = Long.MAX_VALUE;
    d.finish();
    assertEquals(plain.windows, heard.windows, "the dropped event changes no window");
    assertEquals(m.count(), d.events());
    assertEquals(1, d.eventsOutOfRange());
  }

  @Test
  void aStreamStartsAtTheFirstEventTheDetectorTakes() {
    EventBuffer m = movie();
    Heard plain = reference(m);
    EventBuffer withBadFirst = new EventBuffer(m.count() + 1);
    withBadFirst.add(1000, 5, m.tUs[0] - 7_000, true); // outside the 64 x 64 sensor, 7 ms before the rest
    withBadFirst.append(m, 0, m.count());
    Heard heard = new Heard();
    LiveDetection d = detection(heard);
    feed(d, heard, withBadFirst, 500);
    heard.clockUs = Long.MAX_VALUE;
    d.finish();
    assertEquals(m.tUs[0], heard.firstTUs, "t0 is the first event taken, not the dropped one");
    assertEquals(plain.windows, heard.windows);
    assertEquals(1, d.eventsOutOfRange());
  }

  @Test
  void eventsInAnOpenWindowAllocateNothing() {
    EventBuffer m = movie();
    EventBuffer batch = new EventBuffer(64);
    batch.append(m, 0, 64);
    long[] relative = new long[64];
    for (int i = 0; i < 64; i++) {
      relative[i] = batch.tUs[i] - batch.tUs[0];
    }
    Heard heard = new Heard();
    heard.clockUs = Long.MAX_VALUE;
    // one window of an hour: every run's events (the batch again, 1 ms after the previous run) fall in the open window
    LiveDetection d = new LiveDetection(MotionModels.defaultModel(), new SensorSize(64, 64), 1000, 3_600_000_000L, heard);
    long[] base = {0};
    AllocationMeter.assertAllocationFree("LiveDetection.accept (events, spikes, window counts)", 2_000, 1_000, () -> {
      base[0] += relative[63] + 1000;
      for (int i = 0; i < 64; i++) {
        batch.tUs[i] = base[0] + relative[i];
      }
      d.accept(batch, -1);
    });
    assertEquals(1, d.streams());
    assertTrue(d.classSpikes().length > 0 && heard.windows.isEmpty(), "nothing reported: the window is still open");
  }
}
