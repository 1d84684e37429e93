package io.ganglion.drivers.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.testkit.AllocationMeter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-event path of every reader allocates nothing once warmed up, reading a real file. */
class EventReaderAllocationTest {

  private static final int CHUNK = 64;
  private static final int WARMUP_READS = 2_000;
  private static final int MEASURED_READS = 1_000;

  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(value = EventFormat.class, names = {"EVT2", "AEDAT2", "TEXT", "NMNIST"})
  void readingChunksAllocatesNothingAfterWarmUp(EventFormat format) {
    int events = 3 * (WARMUP_READS + MEASURED_READS + 2) * CHUNK; // room for three attempts
    Path file = dir.resolve("events." + format.cliName());
    SensorSize size = format == EventFormat.NMNIST ? new SensorSize(34, 34) : new SensorSize(240, 180);
    SplittableRandom rnd = new SplittableRandom(11);
    try (EventWriter w = EventFiles.newWriter(file, format, size)) {
      long t = 0;
      for (int i = 0; i < events; i++) {
        t += format == EventFormat.NMNIST ? (i % 8 == 0 ? 1 : 0) : rnd.nextInt(40);
        w.write(rnd.nextInt(size.width()), rnd.nextInt(size.height()), t, rnd.nextBoolean());
      }
    }
    EventBuffer buffer = new EventBuffer(CHUNK);
    try (EventReader reader = EventFiles.open(file, EventReaderConfig.defaults().withFormat(format))) {
      AllocationMeter.assertAllocationFree(format.cliName() + " reader", WARMUP_READS, MEASURED_READS, () -> {
        if (reader.read(buffer) != CHUNK) {
          throw new AssertionError("the test file ended too early");
        }
      });
      assertTrue(reader.stats().eventsRead() >= (long) (WARMUP_READS + MEASURED_READS) * CHUNK);
    }
  }
}
