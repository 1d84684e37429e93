package io.ganglion.drivers.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class EventWriterRoundTripTest {

  private static SensorSize sizeFor(EventFormat f) {
    switch (f) {
      case AEDAT2:
        return new SensorSize(240, 180);
      case NMNIST:
        return new SensorSize(34, 34);
      default:
        return new SensorSize(640, 480);
    }
  }

  @ParameterizedTest
  @EnumSource(value = EventFormat.class, names = {"EVT2", "AEDAT2", "TEXT", "NMNIST"})
  void writerThenReaderGivesBackTheSameEvents(EventFormat format) {
    SensorSize size = sizeFor(format);
    List<Event> events = EventFixtures.randomEvents(42, 20_000, size, 1_000, 200);
    byte[] file = EventFixtures.write(format, size, events);
    String name = "rec." + new String[] {"", "raw", "aedat", "txt", "bin"}[format.ordinal()];
    try (EventReader r = EventFiles.open(new java.io.ByteArrayInputStream(file), name, EventReaderConfig.defaults())) {
      assertEquals(format, r.format(), "auto-detection of the writer's output");
      assertEquals(events, EventFixtures.readAll(r));
      assertEquals(0, r.stats().jitterClamped());
      assertEquals(file.length, r.stats().bytesRead());
    }
  }

  @Test
  void evt2KeepsTimesAcrossLongGapsAndTheThirtyFourBitRollover() {
    SensorSize size = new SensorSize(64, 64);
    long day = 86_400_000_000L; // far beyond 2^34 us (4.8 h)
    List<Event> events = List.of(Event.of(1, 2, 5, true), Event.of(3, 4, (1L << 34) - 1, false),
        Event.of(5, 6, (1L << 34) + 64, true), Event.of(7, 8, day, false), Event.of(9, 10, 2 * day + 17, true));
    assertEquals(events, EventFixtures.readAll(EventFixtures.write(EventFormat.EVT2, size, events), EventFormat.EVT2));
  }

  @Test
  void evt2KeepsAFirstEventTimeBeyondTheThirtyFourBitRange() {
    // readers start the EVT 2.0 time base at 0: a first time of 2^34 us (4.8 h) or more must not wrap
    SensorSize size = new SensorSize(64, 64);
    long day = 86_400_000_000L;
    for (long t0 : new long[] {1L << 34, (1L << 34) + 5, day + 17, (1L << 33) + 3}) {
      List<Event> events = List.of(Event.of(1, 2, t0, true), Event.of(3, 4, t0 + 100, false));
      assertEquals(events, EventFixtures.readAll(EventFixtures.write(EventFormat.EVT2, size, events), EventFormat.EVT2),
          "first event at " + t0 + " us");
    }
  }

  @Test
  void evt2WritesItsGeometryInTheHeader() {
    byte[] file = EventFixtures.write(EventFormat.EVT2, new SensorSize(346, 260), List.of(Event.of(345, 259, 0, true)));
    String head = new String(file, 0, Math.min(file.length, 80), StandardCharsets.ISO_8859_1);
    assertTrue(head.startsWith("% evt 2.0\n% format EVT2;height=260;width=346\n% geometry 346x260\n% end\n"), head);
    try (EventReader r = EventFixtures.open(file, EventFormat.EVT2)) {
      assertEquals(new SensorSize(346, 260), r.sensorSize());
    }
  }

  @Test
  void aedatKeepsAFirstEventWhoseAddressStartsWithAHashByte() {
    // image y 36..39 is raw y 143..140: the big-endian address starts with 0x23, '#', the header's line start
    List<Event> events = List.of(Event.of(7, 39, 100, true), Event.of(8, 36, 0x0A0A, false), Event.of(9, 1, 0x0A0B, true));
    byte[] file = EventFixtures.write(EventFormat.AEDAT2, new SensorSize(240, 180), events);
    assertEquals(events, EventFixtures.readAll(file, EventFormat.AEDAT2));
  }

  @Test
  void aedatRejectsTimesItsThirtyTwoBitTimestampsCannotCarry() {
    // readers start at 0 and unwrap steps of less than 2^31 us: a first time of 2^32 us or more, or
    // a step of 2^31 us (35.8 min) or more, would not read back
    EventWriter late = EventFiles.newWriter(new ByteArrayOutputStream(), "out.aedat", EventFormat.AEDAT2, SensorSize.UNKNOWN);
    InvalidInputException first = assertThrows(InvalidInputException.class, () -> late.write(1, 1, 1L << 32, true));
    assertTrue(first.getMessage().contains("event #0") && first.getMessage().contains("2^32"), first.getMessage());
    EventWriter gap = EventFiles.newWriter(new ByteArrayOutputStream(), "out.aedat", EventFormat.AEDAT2, SensorSize.UNKNOWN);
    gap.write(1, 1, 5, true);
    gap.write(1, 1, 5 + (1L << 31) - 1, true);
    InvalidInputException step = assertThrows(InvalidInputException.class,
        () -> gap.write(1, 1, 5 + (1L << 31) - 1 + (1L << 31), true));
    assertTrue(step.getMessage().contains("event #2") && step.getMessage().contains("2^31"), step.getMessage());
    // the largest steps it takes read back exactly, across the rollover
    List<Event> events = List.of(Event.of(1, 2, (1L << 32) - 1, true), Event.of(3, 4, (1L << 32) - 1 + (1L << 31) - 1,
        false), Event.of(5, 6, (1L << 32) - 1 + 2 * ((1L << 31) - 1), true));
    assertEquals(events, EventFixtures.readAll(EventFixtures.write(EventFormat.AEDAT2, new SensorSize(240, 180), events),
        EventFormat.AEDAT2));
  }

  @Test
  void textWritesSixDecimalSecondsPerLine() {
    byte[] file = EventFixtures.write(EventFormat.TEXT, SensorSize.UNKNOWN,
        List.of(Event.of(96, 133, 3_811, false), Event.of(1, 2, 12_000_001, true)));
    assertEquals("0.003811 96 133 0\n12.000001 1 2 1\n", new String(file, StandardCharsets.US_ASCII));
  }

  @Test
  void writersRejectEventsOutOfOrderOrOutsideTheSensor() {
    EventWriter w = EventFiles.newWriter(new ByteArrayOutputStream(), "out.raw", EventFormat.EVT2, new SensorSize(10, 10));
    w.write(1, 1, 100, true);
    InvalidInputException back = assertThrows(InvalidInputException.class, () -> w.write(1, 1, 99, true));
    assertTrue(back.getMessage().contains("event #1") && back.getMessage().contains("goes back"), back.getMessage());
    InvalidInputException outside = assertThrows(InvalidInputException.class, () -> w.write(10, 1, 100, true));
    assertTrue(outside.getMessage().contains("outside the 10x10 sensor"), outside.getMessage());
    EventWriter n = EventFiles.newWriter(new ByteArrayOutputStream(), "out.bin", EventFormat.NMNIST, SensorSize.UNKNOWN);
    InvalidInputException late = assertThrows(InvalidInputException.class, () -> n.write(1, 1, 1L << 23, true));
    assertTrue(late.getMessage().contains("time outside"), late.getMessage());
    assertThrows(InvalidInputException.class,
        () -> EventFiles.newWriter(new ByteArrayOutputStream(), "x.raw", EventFormat.EVT2, SensorSize.UNKNOWN));
  }

  @Test
  void writingAnEventBufferWritesEachEvent() {
    EventBuffer buf = new EventBuffer(3);
    buf.add(1, 2, 10, true);
    buf.add(3, 4, 20, false);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (EventWriter w = EventFiles.newWriter(bytes, "b.txt", EventFormat.TEXT, SensorSize.UNKNOWN)) {
      w.write(buf);
      assertEquals(2, w.eventsWritten());
    }
    assertEquals(List.of(buf.get(0), buf.get(1)), EventFixtures.readAll(bytes.toByteArray(), EventFormat.TEXT));
  }
}
