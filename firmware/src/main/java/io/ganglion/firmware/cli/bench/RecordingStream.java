package io.ganglion.firmware.cli.bench;

import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.sim.motion.MotionSpeedWorkload;
import java.nio.file.Path;

/**
 * A recording's first events in memory, in detector inputs (so that reading the file is not
 * timed), with its sensor size: declared by the file, else the extent of its events.
 */
final class RecordingStream {

  /** The most events kept per recording (17 bytes each in memory). */
  static final int MAX_EVENTS = 1 << 23;

  final String name;
  final SensorSize size;
  final MotionInputs[] chunks;
  final int events;

  private RecordingStream(String name, SensorSize size, MotionInputs[] chunks, int events) {
    this.name = name;
    this.size = size;
    this.chunks = chunks;
    this.events = events;
  }

  static RecordingStream load(Path file) {
    EventReaderConfig config = EventReaderConfig.defaults();
    SensorSize size;
    try (EventReader probe = EventFiles.open(file, config)) {
      size = probe.sensorSize();
    }
    if (!size.isKnown()) {
      size = EventFiles.scan(file, config).observedSize();
    }
    if (!size.isKnown()) {
      throw new InvalidInputException(file + ": the file holds no events and declares no sensor size; nothing to measure");
    }
    EventBuffer all = new EventBuffer(MAX_EVENTS);
    EventBuffer buf = new EventBuffer(1 << 12);
    try (EventReader reader = EventFiles.open(file, config.withSensorSize(size.width(), size.height()))) {
      int n;
      while (all.count() < MAX_EVENTS && (n = reader.read(buf)) > 0) {
        all.append(buf, 0, Math.min(n, MAX_EVENTS - all.count()));
        buf.clear();
      }
    }
    if (all.count() < MotionSpeedWorkload.CHUNK) {
      throw new InvalidInputException(file + ": " + all.count() + " events, fewer than the " + MotionSpeedWorkload.CHUNK
          + " a detector measurement needs; use a longer recording");
    }
    return new RecordingStream(file.getFileName().toString(), size, MotionSpeedWorkload.chunks(all), all.count());
  }
}
