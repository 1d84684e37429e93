package io.ganglion.firmware.cli.bench;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.EventSpeedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One reader's rounds: a generated temp file ({@link EventSpeedFiles}) read whole through a
 * 4096-event buffer, against its baseline in the same round, the file's bytes through the reader's
 * buffer size, not decoded (the I/O floor); the order alternates by round.
 */
final class ReaderSpeed {

  final EventFormat format;
  final RoundSeries reader = new RoundSeries();
  final RoundSeries bytesOnly = new RoundSeries();
  private final Path file;
  private final int events;
  private final EventReaderConfig config;
  private final EventBuffer buffer = new EventBuffer(4096);
  /** Bytes allocated by opening the file and its first read (buffers, header), in the last round. */
  long openBytes;
  private final byte[] raw = new byte[EventReaderConfig.DEFAULT_READ_BUFFER_BYTES];

  private ReaderSpeed(EventFormat format, Path file, int events) {
    this.format = format;
    this.file = file;
    this.events = events;
    this.config = EventReaderConfig.defaults().withFormat(format);
  }

  /** Writes the speed file of {@code format} to a new temp file. */
  static ReaderSpeed create(EventFormat format, int events) {
    Path file;
    try {
      file = Files.createTempFile("ganglion-bench-events-", "." + format.cliName());
    } catch (IOException e) {
      throw new InvalidInputException("cannot create a temp file for the reader benchmark (" + e.getMessage()
          + "); set java.io.tmpdir to a writable directory");
    }
    file.toFile().deleteOnExit(); // also when interrupted between here and delete()
    try {
      EventSpeedFiles.write(file, format, events);
    } catch (RuntimeException e) {
      deleteQuietly(file);
      throw e;
    }
    return new ReaderSpeed(format, file, events);
  }

  /** One round (rounds &lt; 0: warm-up, not recorded). */
  void measure(int round) {
    if (Math.floorMod(round, 2) == 0) {
      readDecoded(round);
      readBytes(round);
    } else {
      readBytes(round);
      readDecoded(round);
    }
  }

  private void readDecoded(int round) {
    long bytes0 = ThreadAllocation.bytes();
    long t0 = System.nanoTime();
    long sum = 0;
    long count = 0;
    long streamBytes0 = 0;
    try (EventReader r = EventFiles.open(file, config)) {
      int n;
      while ((n = r.read(buffer)) > 0) {
        if (count == 0) {
          streamBytes0 = ThreadAllocation.bytes(); // after the open and the first read: the per-event part
          openBytes = streamBytes0 - bytes0;
        }
        count += n;
        sum += buffer.x[n - 1];
      }
    }
    long ns = Math.max(1, System.nanoTime() - t0);
    long bytes = ThreadAllocation.bytes() - streamBytes0;
    if (count != events) {
      throw new IllegalStateException(format + " reader returned " + count + " of the " + events + " events written");
    }
    ThreadAllocation.consume(sum);
    if (round >= 0) {
      reader.add(events / (ns / 1e9), (double) bytes / events);
    }
  }

  private void readBytes(int round) {
    long t0 = System.nanoTime();
    long sum = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(raw)) > 0) {
        sum += n + raw[n - 1];
      }
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read the benchmark file back (" + e.getMessage() + ")");
    }
    long ns = Math.max(1, System.nanoTime() - t0);
    ThreadAllocation.consume(sum);
    if (round >= 0) {
      bytesOnly.add(events / (ns / 1e9), 0);
    }
  }

  void delete() {
    deleteQuietly(file);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temp file left behind is harmless
    }
  }
}
