package io.ganglion.drivers.events;

import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening event files: readers (with format auto-detection), writers, and whole-file scans. */
public final class EventFiles {

  private EventFiles() {}

  /**
   * Opens {@code file} for streaming; with {@link EventFormat#AUTO} the format is detected (see
   * {@link EventFormatDetector}). The header is parsed now, so a bad header fails here.
   */
  public static EventReader open(Path file, EventReaderConfig config) {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(name + ": is a directory, not an event file");
    }
    EventFormat format = config.format() == EventFormat.AUTO ? detect(file) : config.format();
    InputStream in;
    try {
      // FileInputStream reads straight into the reader's buffer without allocating per read.
      in = new FileInputStream(file.toFile());
    } catch (FileNotFoundException e) {
      throw new InvalidInputException(name + ": cannot open the event file (" + e.getMessage() + "); check the path");
    }
    return openStream(in, name, config.withFormat(format));
  }

  /**
   * Reads an already open stream (closed with the reader). With {@link EventFormat#AUTO} the first
   * bytes and {@code name}'s extension decide the format.
   */
  public static EventReader open(InputStream in, String name, EventReaderConfig config) {
    return openStream(in, name, config);
  }

  private static EventReader openStream(InputStream in, String name, EventReaderConfig config) {
    InputStream stream = in;
    EventFormat format = config.format();
    try {
      if (format == EventFormat.AUTO) {
        stream = in.markSupported() ? in : new BufferedInputStream(in, EventFormatDetector.HEAD_BYTES);
        stream.mark(EventFormatDetector.HEAD_BYTES);
        byte[] head = stream.readNBytes(EventFormatDetector.HEAD_BYTES);
        stream.reset();
        format = EventFormatDetector.detect(head, head.length, name);
      }
      switch (format) {
        case EVT2:
          return Evt2Reader.open(stream, name, config);
        case AEDAT2:
          return Aedat2Reader.open(stream, name, config);
        case TEXT:
          return RpgTextReader.open(stream, name, config);
        case NMNIST:
          return NmnistReader.open(stream, name, config);
        default:
          throw new IllegalStateException("unhandled format " + format);
      }
    } catch (IOException e) {
      closeQuietly(stream);
      throw new GanglionException(name + ": cannot read the start of the file: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(stream);
      throw e;
    }
  }

  /** The format of {@code file} by its first bytes and extension (never AUTO). */
  public static EventFormat detect(Path file) {
    String name = file.toString();
    try (InputStream in = new FileInputStream(file.toFile())) {
      byte[] head = in.readNBytes(EventFormatDetector.HEAD_BYTES);
      return EventFormatDetector.detect(head, head.length, name);
    } catch (FileNotFoundException e) {
      throw new InvalidInputException(name + ": cannot open the event file (" + e.getMessage() + "); check the path");
    } catch (IOException e) {
      throw new GanglionException(name + ": cannot read the start of the file: " + e.getMessage(), e);
    }
  }

  /**
   * Reads the whole file through a 4096-event buffer and returns the final stats (event count,
   * time range, coordinate range, skips). Throws like {@link EventReader#read}.
   */
  public static EventReaderStats scan(Path file, EventReaderConfig config) {
    try (EventReader reader = open(file, config)) {
      EventBuffer buffer = new EventBuffer(4096);
      while (reader.read(buffer) > 0) {
        // only the stats are wanted
      }
      return reader.stats();
    }
  }

  /**
   * A writer of {@code format} to {@code out} (closed with the writer).
   *
   * @param size the sensor size: required for EVT 2.0 (written in its header); AEDAT 2.0 is always
   *     240 x 180; N-MNIST defaults to 34 x 34; text uses it only for checks
   */
  public static EventWriter newWriter(OutputStream out, String name, EventFormat format, SensorSize size) {
    switch (format) {
      case EVT2:
        return new Evt2Writer(out, name, size);
      case AEDAT2:
        if (size.isKnown() && !size.equals(Aedat2Reader.DAVIS240)) {
          throw new InvalidInputException(name + ": AEDAT 2.0 is written as a DAVIS240 (240x180), not " + size);
        }
        return new Aedat2Writer(out, name);
      case TEXT:
        return new RpgTextWriter(out, name, size);
      case NMNIST:
        return new NmnistWriter(out, name, size.isKnown() ? size : NmnistReader.NMNIST);
      default:
        throw new InvalidInputException(name + ": pick a concrete format to write (evt2, aedat2, txt, nmnist)");
    }
  }

  /** A writer of {@code format} to a new (or truncated) file. */
  public static EventWriter newWriter(Path file, EventFormat format, SensorSize size) {
    OutputStream out;
    try {
      out = Files.newOutputStream(file);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot create the event file (" + e.getMessage() + ")");
    }
    try {
      return newWriter(out, file.toString(), format, size);
    } catch (RuntimeException e) {
      closeQuietly(out);
      throw e;
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // the original failure matters more
    }
  }
}
