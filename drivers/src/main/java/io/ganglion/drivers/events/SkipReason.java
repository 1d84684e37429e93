package io.ganglion.drivers.events;

/** Why a reader skipped a record without failing; counted in {@link EventReaderStats}. */
public enum SkipReason {
  /** EVT 2.0 external trigger word (type 0xA). */
  TRIGGER,
  /** A record type the reader does not decode (EVT 2.0 types other than 0, 1, 8, 0xA; other AEDAT records). */
  OTHER_TYPE,
  /** EVT 2.0 CD word before the first TIME_HIGH word: its time is unknown. */
  NO_TIME_BASE,
  /** AEDAT 2.0 IMU sample word (7 words per sample). */
  IMU,
  /** AEDAT 2.0 APS (frame) sample. */
  APS,
  /** AEDAT 2.0 special event (external input etc.). */
  SPECIAL,
  /** Text comment ({@code #}) or blank line. */
  COMMENT
}
