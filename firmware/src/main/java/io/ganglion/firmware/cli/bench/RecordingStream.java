package io.ganglion.firmware.cli.bench;

import io.ganglion.controllers.motion.MotionDetector;
import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.drivers.events.SizedEventFile;
import io.ganglion.sim.motion.MotionSpeedWorkload;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A recording's first events in memory, as detector inputs of {@link MotionSpeedWorkload#CHUNK}
 * events (17 bytes per event; so that decoding the file is not timed), with its sensor size:
 * declared by the file, else the extent of its events.
 */
final class RecordingStream {

  /** The most events kept per recording (about 143 MB). */
  static final int MAX_EVENTS = 1 << 23;

  final Path file;
  final String name;
  final SensorSize size;
  /** The backwards time tolerance the file was read with, for its detectors too. */
  final long backwardsToleranceUs;
  final MotionInputs[] chunks;
  final int events;
  /** Whether the file holds more than {@link #MAX_EVENTS} events (the rest are not measured). */
  final boolean truncated;

  private RecordingStream(Path file, SensorSize size, long backwardsToleranceUs, MotionInputs[] chunks, int events,
      boolean truncated) {
    this.file = file;
    this.name = file.getFileName().toString();
    this.size = size;
    this.backwardsToleranceUs = backwardsToleranceUs;
    this.chunks = chunks;
    this.events = events;
    this.truncated = truncated;
  }

  static RecordingStream load(Path file, EventReaderConfig config) {
    return load(file, config, MAX_EVENTS);
  }

  /** The first {@code maxEvents} events of {@code file} (at least {@link MotionSpeedWorkload#CHUNK} needed). */
  static RecordingStream load(Path file, EventReaderConfig config, int maxEvents) {
    SizedEventFile sized = SizedEventFile.of(file, config);
    SensorSize size = sized.size();
    if (!size.isKnown()) {
      throw new InvalidInputException(file + ": the file holds no events and declares no sensor size; nothing to measure");
    }
    List<MotionInputs> chunks = new ArrayList<>();
    int events = 0;
    boolean truncated = false;
    EventBuffer buf = new EventBuffer(MotionSpeedWorkload.CHUNK);
    try (EventReader reader = EventFiles.open(file, sized.config())) {
      int n;
      while ((n = reader.read(buf)) > 0) {
        if (events + n > maxEvents) {
          truncated = true;
          n = maxEvents - events;
        }
        MotionInputs in = new MotionInputs(n);
        in.count = n;
        System.arraycopy(buf.x, 0, in.x, 0, n);
        System.arraycopy(buf.y, 0, in.y, 0, n);
        System.arraycopy(buf.tUs, 0, in.tUs, 0, n);
        System.arraycopy(buf.polarity, 0, in.polarity, 0, n);
        if (n > 0) {
          chunks.add(in);
        }
        events += n;
        if (truncated) {
          break;
        }
      }
    }
    if (events < MotionSpeedWorkload.CHUNK) {
      throw new InvalidInputException(file + ": " + events + " events, fewer than the " + MotionSpeedWorkload.CHUNK
          + " a detector measurement needs; use a longer recording");
    }
    return new RecordingStream(file, size, config.backwardsToleranceUs(), chunks.toArray(new MotionInputs[0]), events,
        truncated);
  }

  /** A detector running kernel {@code name} on this recording's sensor; a sensor too large for it is the file's error. */
  MotionDetector detector(String kernel) {
    try {
      return MotionSpeedWorkload.detector(kernel, size.width(), size.height(), backwardsToleranceUs);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(file + ": " + size + " px: " + e.getMessage());
    }
  }
}
