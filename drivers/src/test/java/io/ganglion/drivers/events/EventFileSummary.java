package io.ganglion.drivers.events;

import java.nio.file.Path;
import java.util.Locale;

/**
 * A hand tool (not a test): reads each event file named on the command line with format
 * auto-detection and prints its format, sensor size, event count, time range, duration, coordinate
 * range and skipped records. Used to check the real recordings in ../shared/data/events:
 * <pre>
 *   mvn -q -B -pl drivers -am test-compile
 *   java -cp drivers/target/classes:drivers/target/test-classes \
 *       io.ganglion.drivers.events.EventFileSummary /work/shared/data/events/*
 * </pre>
 */
public final class EventFileSummary {

  private EventFileSummary() {}

  public static void main(String[] args) {
    System.out.println("| file | format | size | events | first t (us) | last t (us) | duration (s) | x range | y range"
        + " | ON | jitter | skipped |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
    for (String arg : args) {
      Path file = Path.of(arg);
      if (file.getFileName().toString().endsWith(".md")) {
        continue;
      }
      try (EventReader reader = EventFiles.open(file, EventReaderConfig.defaults())) {
        EventBuffer buffer = new EventBuffer(4096);
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        long on = 0;
        while (reader.read(buffer) > 0) {
          for (int i = 0; i < buffer.count(); i++) {
            minX = Math.min(minX, buffer.x[i]);
            minY = Math.min(minY, buffer.y[i]);
            on += buffer.polarity[i];
          }
        }
        EventReaderStats s = reader.stats();
        StringBuilder skipped = new StringBuilder();
        for (SkipReason r : SkipReason.values()) {
          if (s.skipped(r) > 0) {
            skipped.append(skipped.length() > 0 ? ", " : "").append(r.name().toLowerCase(Locale.ROOT)).append(' ')
                .append(s.skipped(r));
          }
        }
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %,d | %d | %d | %.3f | %d..%d | %d..%d | %,d | %d | %s |%n",
            file.getFileName(), reader.format().cliName(), reader.sensorSize(), s.eventsRead(), s.firstTUs(),
            s.lastTUs(), s.durationUs() / 1e6, minX, s.maxX(), minY, s.maxY(), on, s.jitterClamped(),
            skipped.length() == 0 ? "-" : skipped);
      }
    }
  }
}
