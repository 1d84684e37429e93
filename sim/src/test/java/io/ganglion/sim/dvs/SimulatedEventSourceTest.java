package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.events.EventSourceIO;
import io.ganglion.drivers.events.EventSourceInputs;
import org.junit.jupiter.api.Test;

class SimulatedEventSourceTest {

  private static MotionMovie movie() {
    return MotionMovie.generate(MotionMovieConfig.of(32, 32, 50_000, MotionClasses.paper()), 4, 8);
  }

  @Test
  void asFastAsPossibleDeliversTheWholeMovieThenEndOfStream() {
    long total = DvsEvents.run(movie().newSimulator(), 1000).size();
    EventSourceInputs in = new EventSourceInputs(777);
    long seen = 0;
    long lastT = -1;
    try (EventSourceIO src = SimulatedEventSource.asFastAsPossible(movie().newSimulator())) {
      for (int tick = 0; tick < 100_000 && !in.endOfStream; tick++) {
        src.updateInputs(in);
        assertEquals(32, in.sensorSize.width());
        for (int i = 0; i < in.events.count(); i++) {
          assertTrue(in.events.tUs[i] >= lastT);
          lastT = in.events.tUs[i];
        }
        seen += in.events.count();
        assertEquals(seen, in.eventsTotal);
        if (!in.endOfStream) {
          assertTrue(in.connected);
          assertEquals(777, in.events.count(), "full buffers until the end");
        }
      }
    }
    assertEquals(total, seen);
    assertFalse(in.connected);
    assertEquals(50_000, in.sensorTimeUs);
  }

  @Test
  void pacedDeliversOnlyEventsUpToTheReplayClock() {
    long[] now = {1_000_000_000L};
    SimulatedEventSource src = SimulatedEventSource.paced(movie().newSimulator(), 2.0, () -> now[0]);
    EventSourceInputs in = new EventSourceInputs(1 << 16);
    src.updateInputs(in); // starts the clock at sensor time 0
    assertEquals(0, in.sensorTimeUs);
    long seen = in.events.count();
    for (int step = 1; step <= 40; step++) {
      now[0] += 1_000_000; // 1 ms of wall time = 2 ms of sensor time at speed 2
      src.updateInputs(in);
      long replayUs = Math.min(2_000L * step, 50_000);
      assertEquals(replayUs, in.sensorTimeUs);
      for (int i = 0; i < in.events.count(); i++) {
        assertTrue(in.events.tUs[i] <= replayUs, "event at " + in.events.tUs[i] + " delivered at replay time " + replayUs);
        assertTrue(in.events.tUs[i] > replayUs - 2_000 - DvsSensorConfig.DEFAULT_SAMPLE_PERIOD_US,
            "event at " + in.events.tUs[i] + " held back too long (replay time " + replayUs + ")");
      }
      seen += in.events.count();
      long wait = src.nanosUntilNextEvent();
      assertTrue(in.endOfStream || wait >= 0, "a paced source tells how long to wait");
    }
    assertTrue(in.endOfStream);
    assertEquals(DvsEvents.run(movie().newSimulator(), 1000).size(), seen);
  }

  @Test
  void closedSourceReportsEndOfStream() {
    SimulatedEventSource src = SimulatedEventSource.asFastAsPossible(movie().newSimulator());
    src.close();
    EventSourceInputs in = new EventSourceInputs(16);
    src.updateInputs(in);
    assertTrue(in.endOfStream);
    assertEquals(0, in.events.count());
  }
}
