package io.ganglion.drivers.events;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The generated files that the readers' speed measurements read (JMH {@code EventReaderBenchmark}
 * and {@code ganglion bench motion}), so both time the same thing: uniformly random events
 * (seeded) on each format's usual sensor (EVT 2.0: 640 x 480; AEDAT 2.0 and RPG text: DAVIS240,
 * 240 x 180; N-MNIST: 34 x 34), 0 to 3 us apart (~0.67 M events/s of sensor time: dense, like a
 * textured scene).
 */
public final class EventSpeedFiles {

  private EventSpeedFiles() {}

  /** The sensor the speed file of {@code format} is written for. */
  public static SensorSize sensor(EventFormat format) {
    return format == EventFormat.NMNIST ? new SensorSize(34, 34)
        : format == EventFormat.EVT2 ? new SensorSize(640, 480) : new SensorSize(240, 180);
  }

  /** Writes {@code events} events of the speed workload in {@code format} to {@code file}. */
  public static void write(Path file, EventFormat format, int events) {
    SensorSize size = sensor(format);
    SplittableRandom rnd = new SplittableRandom(2024);
    try (EventWriter w = EventFiles.newWriter(file, format, size)) {
      long t = 0;
      for (int i = 0; i < events; i++) {
        t += rnd.nextInt(4);
        w.write(rnd.nextInt(size.width()), rnd.nextInt(size.height()), t, rnd.nextBoolean());
      }
    }
  }
}
