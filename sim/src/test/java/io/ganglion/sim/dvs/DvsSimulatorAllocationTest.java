package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventSourceInputs;
import io.ganglion.testkit.AllocationMeter;
import org.junit.jupiter.api.Test;

class DvsSimulatorAllocationTest {

  private static MotionMovie longMovie(TextureSpec texture) {
    MotionMovieConfig c = MotionMovieConfig.of(48, 48, 600_000_000L, MotionClasses.paper())
        .withTexture(texture)
        .withSensor(DvsSensorConfig.defaults().withNoiseRateHz(1).withThresholdSigma(0.02))
        .withSaccades(SaccadeConfig.defaults());
    return MotionMovie.generate(c, 3, 1);
  }

  @Test
  void nextAllocatesNothingInSteadyState() {
    for (TextureSpec t : new TextureSpec[] {TextureSpec.noise(), TextureSpec.grating(10).withProfile(GratingProfile.SQUARE)}) {
      DvsSimulator sim = longMovie(t).newSimulator();
      EventBuffer buf = new EventBuffer(2048);
      AllocationMeter.assertAllocationFree("DvsSimulator.next (" + t.kind() + ")", 3000, 1000, () -> {
        if (sim.next(buf) == 0) {
          throw new AssertionError("the movie ended during the measurement");
        }
      });
      assertTrue(sim.eventsDelivered() > 1_000_000);
    }
  }

  @Test
  void simulatedSourceUpdateAllocatesNothingInSteadyState() {
    long[] now = {0};
    SimulatedEventSource src = SimulatedEventSource.paced(longMovie(TextureSpec.noise()).newSimulator(), 1.0, () -> now[0]);
    EventSourceInputs in = new EventSourceInputs(1 << 14);
    AllocationMeter.assertAllocationFree("SimulatedEventSource.updateInputs", 3000, 1000, () -> {
      now[0] += 1_000_000; // 1 ms per tick
      src.updateInputs(in);
    });
    assertTrue(in.eventsTotal > 0);
  }
}
