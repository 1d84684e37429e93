package io.ganglion.drivers.events;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Test data: seeded random event streams, files written by the writers, raw EVT 2.0 words. */
final class EventFixtures {

  private EventFixtures() {}

  /** {@code n} events inside {@code size}, time non-decreasing with gaps 0..maxGapUs, seeded. */
  static List<Event> randomEvents(long seed, int n, SensorSize size, long t0Us, int maxGapUs) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Event> events = new ArrayList<>(n);
    long t = t0Us;
    for (int i = 0; i < n; i++) {
      t += rnd.nextInt(maxGapUs + 1);
      events.add(Event.of(rnd.nextInt(size.width()), rnd.nextInt(size.height()), t, rnd.nextBoolean()));
    }
    return events;
  }

  /** Like {@link #randomEvents} but written straight to bytes (no event objects), for large inputs. */
  static byte[] writeRandom(EventFormat format, SensorSize size, long seed, int n, int maxGapUs) {
    SplittableRandom rnd = new SplittableRandom(seed);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (EventWriter w = EventFiles.newWriter(bytes, "memory." + format.cliName(), format, size)) {
      long t = 0;
      for (int i = 0; i < n; i++) {
        t += rnd.nextInt(maxGapUs + 1);
        w.write(rnd.nextInt(size.width()), rnd.nextInt(size.height()), t, rnd.nextBoolean());
      }
    }
    return bytes.toByteArray();
  }

  /** The bytes {@code format}'s writer produces for {@code events}. */
  static byte[] write(EventFormat format, SensorSize size, List<Event> events) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (EventWriter w = EventFiles.newWriter(bytes, "memory." + format.cliName(), format, size)) {
      for (Event e : events) {
        w.write(e.x(), e.y(), e.tUs(), e.on());
      }
    }
    return bytes.toByteArray();
  }

  static EventReader open(byte[] bytes, EventFormat format) {
    return open(bytes, EventReaderConfig.defaults().withFormat(format));
  }

  static EventReader open(byte[] bytes, EventReaderConfig config) {
    return EventFiles.open(new ByteArrayInputStream(bytes), "test." + config.format().cliName(), config);
  }

  /** Every event of {@code reader}, read through a small buffer so that chunk boundaries get exercised. */
  static List<Event> readAll(EventReader reader) {
    EventBuffer buffer = new EventBuffer(7);
    List<Event> out = new ArrayList<>();
    while (reader.read(buffer) > 0) {
      for (int i = 0; i < buffer.count(); i++) {
        out.add(buffer.get(i));
      }
    }
    return out;
  }

  static List<Event> readAll(byte[] bytes, EventFormat format) {
    try (EventReader r = open(bytes, format)) {
      return readAll(r);
    }
  }

  /** Concatenates ASCII text and binary parts. */
  static byte[] concat(Object... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object p : parts) {
      if (p instanceof String) {
        out.writeBytes(((String) p).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      } else {
        out.writeBytes((byte[]) p);
      }
    }
    return out.toByteArray();
  }

  /** Little-endian bytes of EVT 2.0 words. */
  static byte[] words(int... words) {
    byte[] b = new byte[words.length * 4];
    for (int i = 0; i < words.length; i++) {
      int w = words[i];
      b[4 * i] = (byte) w;
      b[4 * i + 1] = (byte) (w >>> 8);
      b[4 * i + 2] = (byte) (w >>> 16);
      b[4 * i + 3] = (byte) (w >>> 24);
    }
    return b;
  }

  static int timeHigh(long tUs) {
    return Evt2Words.timeHigh(tUs);
  }

  static int cd(int x, int y, long tUs, boolean on) {
    return Evt2Words.cd(x, y, tUs, on);
  }

  /** Big-endian AEDAT record bytes: address, timestamp pairs. */
  static byte[] aedatRecords(int... addressTimestampPairs) {
    byte[] b = new byte[addressTimestampPairs.length * 4];
    for (int i = 0; i < addressTimestampPairs.length; i++) {
      int v = addressTimestampPairs[i];
      b[4 * i] = (byte) (v >>> 24);
      b[4 * i + 1] = (byte) (v >>> 16);
      b[4 * i + 2] = (byte) (v >>> 8);
      b[4 * i + 3] = (byte) v;
    }
    return b;
  }

  static final String AEDAT_HEADER = "#!AER-DAT2.0\r\n# Data format is int32 address, int32 timestamp\r\n"
      + "# AEChip: eu.seebetter.ini.chips.davis.DAVIS240C\r\n";
}
