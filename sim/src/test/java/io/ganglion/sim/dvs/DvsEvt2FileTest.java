package io.ganglion.sim.dvs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.EventWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DvsEvt2FileTest {

  @TempDir Path dir;

  private static MotionMovie movie() {
    MotionMovieConfig c = MotionMovieConfig.of(40, 30, 80_000, MotionClasses.paper())
        .withSensor(DvsSensorConfig.defaults().withNoiseRateHz(2).withThresholdSigma(0.02))
        .withSaccades(new SaccadeConfig(15_000, 30_000));
    return MotionMovie.generate(c, 13, 2718);
  }

  private long write(MotionMovie m, Path file) {
    try (EventWriter w = EventFiles.newWriter(file, EventFormat.EVT2, m.size())) {
      return m.newSimulator().drainTo(w, new EventBuffer(1000));
    }
  }

  @Test
  void sameSeedWritesByteIdenticalEvt2Files() throws IOException {
    Path a = dir.resolve("a.raw");
    Path b = dir.resolve("b.raw");
    long n = write(movie(), a);
    assertEquals(n, write(movie(), b));
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void theFileReadsBackAsTheSimulatedEvents() {
    Path f = dir.resolve("m.raw");
    write(movie(), f);
    EventBuffer expected = movie().allEvents();
    try (EventReader r = EventFiles.open(f, EventReaderConfig.defaults())) {
      assertEquals(40, r.sensorSize().width());
      assertEquals(30, r.sensorSize().height());
      EventBuffer buf = new EventBuffer(333);
      int k = 0;
      while (r.read(buf) > 0) {
        for (int i = 0; i < buf.count(); i++, k++) {
          assertEquals(expected.x[k], buf.x[i]);
          assertEquals(expected.y[k], buf.y[i]);
          assertEquals(expected.tUs[k], buf.tUs[i]);
          assertEquals(expected.polarity[k], buf.polarity[i]);
        }
      }
      assertEquals(expected.count(), k);
    }
  }
}
