package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.events.SensorSize;
import org.junit.jupiter.api.Test;

class DvsSimulatorDeterminismTest {

  private static MotionMovieConfig config() {
    return MotionMovieConfig.of(32, 24, 60_000, MotionClasses.paper())
        .withSensor(DvsSensorConfig.defaults().withThresholdSigma(0.03).withNoiseRateHz(5))
        .withSaccades(new SaccadeConfig(10_000, 20_000));
  }

  @Test
  void sameSeedGivesIdenticalEventsWhateverTheChunkSize() {
    MotionMovie a = MotionMovie.generate(config(), 7, 42);
    MotionMovie b = MotionMovie.generate(config(), 7, 42);
    DvsEvents ea = DvsEvents.run(a.newSimulator(), 4096);
    DvsEvents eb = DvsEvents.run(b.newSimulator(), 37);
    assertTrue(ea.size() > 1000, "a textured movie makes events: " + ea.size());
    assertArrayEquals(ea.x, eb.x);
    assertArrayEquals(ea.y, eb.y);
    assertArrayEquals(ea.tUs, eb.tUs);
    assertArrayEquals(ea.on, eb.on);
  }

  @Test
  void differentSeedsGiveDifferentEvents() {
    DvsEvents ea = DvsEvents.run(MotionMovie.generate(config(), 7, 42).newSimulator(), 4096);
    DvsEvents eb = DvsEvents.run(MotionMovie.generate(config(), 7, 43).newSimulator(), 4096);
    assertFalse(java.util.Arrays.equals(ea.tUs, eb.tUs) && java.util.Arrays.equals(ea.x, eb.x));
  }

  @Test
  void eventsNeverGoBackwardsAndStayInsideTheSensorAndTheMovie() {
    MotionMovie m = MotionMovie.generate(config(), 20, 5);
    DvsSimulator sim = m.newSimulator();
    DvsEvents e = DvsEvents.run(sim, 100);
    assertTrue(sim.finished());
    assertEquals(e.size(), sim.eventsDelivered());
    assertEquals(sim.eventsGenerated(), sim.eventsDelivered());
    SensorSize size = m.size();
    for (int i = 0; i < e.size(); i++) {
      assertTrue(size.contains(e.x[i], e.y[i]), "event " + i + " at " + e.x[i] + "," + e.y[i]);
      assertTrue(e.tUs[i] >= 0 && e.tUs[i] <= m.durationUs(), "event " + i + " at " + e.tUs[i] + " us");
      if (i > 0) {
        assertTrue(e.tUs[i] >= e.tUs[i - 1], "event " + i + " goes back: " + e.tUs[i - 1] + " -> " + e.tUs[i]);
      }
    }
  }
}
