package io.ganglion.drivers.events;

import io.ganglion.drivers.InvalidInputException;

/**
 * How to open an event file.
 *
 * @param format the format, or {@link EventFormat#AUTO} to detect it
 * @param sensorSize the pixel array size to use instead of the one the file declares (or the
 *     format's default); {@link SensorSize#UNKNOWN} keeps the file's. Events outside it are errors.
 * @param backwardsToleranceUs how far (us) an event's time may go back from the latest time read so
 *     far: within it the event is delivered with the latest time (counted as jitter); beyond it the
 *     reader fails
 * @param readBufferBytes the size of the fixed read buffer (also the longest header/text line)
 */
public record EventReaderConfig(EventFormat format, SensorSize sensorSize, long backwardsToleranceUs,
    int readBufferBytes) {

  /** The default backwards tolerance: 1 ms. */
  public static final long DEFAULT_BACKWARDS_TOLERANCE_US = 1_000;
  /** The default read buffer: 64 KiB. */
  public static final int DEFAULT_READ_BUFFER_BYTES = 1 << 16;
  /** The smallest read buffer accepted. */
  public static final int MIN_READ_BUFFER_BYTES = 64;

  /** Checks the fields. */
  public EventReaderConfig {
    if (format == null || sensorSize == null) {
      throw new InvalidInputException("event reader config: format and sensor size must be set");
    }
    if (backwardsToleranceUs < 0) {
      throw new InvalidInputException(
          "event reader config: backwards tolerance must be >= 0 us, got " + backwardsToleranceUs);
    }
    if (readBufferBytes < MIN_READ_BUFFER_BYTES) {
      throw new InvalidInputException("event reader config: read buffer must be >= " + MIN_READ_BUFFER_BYTES
          + " bytes, got " + readBufferBytes);
    }
  }

  /** Auto-detection, the file's own size, 1 ms tolerance, 64 KiB buffer. */
  public static EventReaderConfig defaults() {
    return new EventReaderConfig(EventFormat.AUTO, SensorSize.UNKNOWN, DEFAULT_BACKWARDS_TOLERANCE_US,
        DEFAULT_READ_BUFFER_BYTES);
  }

  /** This config with another format. */
  public EventReaderConfig withFormat(EventFormat f) {
    return new EventReaderConfig(f, sensorSize, backwardsToleranceUs, readBufferBytes);
  }

  /** This config forcing a sensor size (both &gt; 0). */
  public EventReaderConfig withSensorSize(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new InvalidInputException("sensor size must be positive, got " + width + "x" + height);
    }
    return new EventReaderConfig(format, new SensorSize(width, height), backwardsToleranceUs, readBufferBytes);
  }

  /** This config with another backwards tolerance. */
  public EventReaderConfig withBackwardsToleranceUs(long toleranceUs) {
    return new EventReaderConfig(format, sensorSize, toleranceUs, readBufferBytes);
  }

  /** This config with another read buffer size. */
  public EventReaderConfig withReadBufferBytes(int bytes) {
    return new EventReaderConfig(format, sensorSize, backwardsToleranceUs, bytes);
  }
}
