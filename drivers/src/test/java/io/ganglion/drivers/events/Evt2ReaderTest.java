package io.ganglion.drivers.events;

import static io.ganglion.drivers.events.EventFixtures.cd;
import static io.ganglion.drivers.events.EventFixtures.concat;
import static io.ganglion.drivers.events.EventFixtures.open;
import static io.ganglion.drivers.events.EventFixtures.readAll;
import static io.ganglion.drivers.events.EventFixtures.timeHigh;
import static io.ganglion.drivers.events.EventFixtures.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class Evt2ReaderTest {

  private static final String HEADER = "% date 2024-01-01\n% evt 2.0\n% geometry 640x480\n% end\n";

  @Test
  void decodesCdWordsWithTheirTimeHighAndSkipsTriggersAndOtherTypes() {
    byte[] file = concat(HEADER, words(
        timeHigh(1000), cd(10, 20, 1000, true), 0xA000_0001, cd(639, 479, 1005, false),
        0xE000_0000, timeHigh(1100), cd(0, 0, 1101, true)));
    try (EventReader r = open(file, EventFormat.EVT2)) {
      List<Event> events = readAll(r);
      assertEquals(List.of(Event.of(10, 20, 1000, true), Event.of(639, 479, 1005, false), Event.of(0, 0, 1101, true)),
          events);
      assertEquals(new SensorSize(640, 480), r.sensorSize());
      assertEquals(1, r.stats().skipped(SkipReason.TRIGGER));
      assertEquals(1, r.stats().skipped(SkipReason.OTHER_TYPE));
      assertEquals(3, r.stats().eventsRead());
      assertEquals(1000, r.stats().firstTUs());
      assertEquals(1101, r.stats().lastTUs());
      assertEquals(file.length, r.stats().bytesRead());
    }
  }

  @Test
  void readsTheSizeFromTheFormatLineAndLeavesItUnknownWithoutOne() {
    byte[] withFormat = concat("% evt 2.0\n% format EVT2;height=720;width=1280\n", words(timeHigh(0), cd(1279, 719, 0, true)));
    try (EventReader r = open(withFormat, EventFormat.EVT2)) {
      assertEquals(new SensorSize(1280, 720), r.sensorSize());
      assertEquals(1, readAll(r).size());
    }
    byte[] bare = concat("% evt 2.0\n", words(timeHigh(0), cd(2047, 2047, 0, true)));
    try (EventReader r = open(bare, EventFormat.EVT2)) {
      assertEquals(SensorSize.UNKNOWN, r.sensorSize());
      assertEquals(1, readAll(r).size());
      assertEquals(new SensorSize(2048, 2048), r.stats().observedSize());
    }
  }

  @Test
  void readsAFileWithoutAnyHeader() {
    byte[] file = words(timeHigh(64), cd(3, 4, 70, false));
    assertEquals(List.of(Event.of(3, 4, 70, false)), EventFixtures.readAll(file, EventFormat.EVT2));
  }

  @Test
  void skipsCdWordsBeforeTheFirstTimeHigh() {
    byte[] file = concat(HEADER, words(cd(1, 1, 5, true), cd(2, 2, 6, true), timeHigh(128), cd(3, 3, 130, true)));
    try (EventReader r = open(file, EventFormat.EVT2)) {
      assertEquals(List.of(Event.of(3, 3, 130, true)), readAll(r));
      assertEquals(2, r.stats().skipped(SkipReason.NO_TIME_BASE));
    }
  }

  @Test
  void unwrapsTheTwentyEightBitTimeHighRollover() {
    long before = (1L << 34) - 64; // last TIME_HIGH before the 34-bit wrap
    long after = (1L << 34) + 128;
    byte[] file = words(timeHigh(before), cd(1, 1, before, true), timeHigh(after), cd(2, 2, after, false));
    assertEquals(List.of(Event.of(1, 1, before, true), Event.of(2, 2, after, false)),
        EventFixtures.readAll(file, EventFormat.EVT2));
  }

  @Test
  void aTimeHighSteppingBackAcrossTheRolloverIsAStepBackNotAJumpForward() {
    long before = (1L << 34) - 64; // TIME_HIGH 2^28 - 1
    long after = (1L << 34) + 64; // TIME_HIGH 1, after the rollover
    // then TIME_HIGH 2^28 - 1 again: 128 us back across the rollover (jitter), then forward again
    byte[] file = words(timeHigh(before), cd(1, 1, before, true), timeHigh(after), cd(2, 2, after, false),
        timeHigh(before), cd(3, 3, before, true), timeHigh(after + 64), cd(4, 4, after + 64, false));
    try (EventReader r = open(file, EventFormat.EVT2)) {
      assertEquals(List.of(Event.of(1, 1, before, true), Event.of(2, 2, after, false), Event.of(3, 3, after, true),
          Event.of(4, 4, after + 64, false)), readAll(r));
      assertEquals(1, r.stats().jitterClamped(), "the event 128 us back is clamped, not moved 2^34 us ahead");
    }
    // a step back across the rollover beyond the tolerance is an error, like any other
    byte[] back = words(timeHigh(before), cd(1, 1, before, true), timeHigh(after), cd(2, 2, after, false),
        timeHigh(before - 6400), cd(3, 3, before - 6400, true));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(back, EventFormat.EVT2));
    assertTrue(e.getMessage().contains("byte 20") && e.getMessage().contains("goes back 6528 us"), e.getMessage());
  }

  @Test
  void truncatedWordIsAnErrorNamingItsByteOffset() {
    byte[] whole = concat(HEADER, words(timeHigh(0), cd(1, 1, 0, true)));
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length + 2);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(cut, EventFormat.EVT2));
    assertTrue(e.getMessage().contains("byte " + whole.length), e.getMessage());
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void coordinatesBeyondTheDeclaredGeometryAreAnErrorNamingTheOffset() {
    byte[] file = concat(HEADER, words(timeHigh(0), cd(1, 1, 0, true), cd(640, 5, 1, true)));
    long offset = HEADER.length() + 8;
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(file, EventFormat.EVT2));
    assertTrue(e.getMessage().contains("byte " + offset), e.getMessage());
    assertTrue(e.getMessage().contains("x=640"), e.getMessage());
  }

  @Test
  void timeGoingBackBeyondTheToleranceIsAnErrorAndJitterWithinItIsClamped() {
    byte[] jitter = words(timeHigh(6400), cd(1, 1, 6400 + 10, true), timeHigh(6400 - 640), cd(2, 2, 6400 - 600, true));
    try (EventReader r = open(jitter, EventFormat.EVT2)) {
      List<Event> events = readAll(r);
      assertEquals(6410, events.get(1).tUs(), "an event 610 us back is delivered at the latest time");
      assertEquals(1, r.stats().jitterClamped());
    }
    byte[] backwards = words(timeHigh(64_000), cd(1, 1, 64_000, true), timeHigh(0), cd(2, 2, 0, true));
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> EventFixtures.readAll(backwards, EventFormat.EVT2));
    assertTrue(e.getMessage().contains("byte 12") && e.getMessage().contains("goes back 64000 us"), e.getMessage());
    EventReaderConfig lenient = EventReaderConfig.defaults().withFormat(EventFormat.EVT2).withBackwardsToleranceUs(100_000);
    try (EventReader r = open(backwards, lenient)) {
      assertEquals(2, readAll(r).size());
    }
  }

  @Test
  void badHeadersAreErrorsNamingTheLine() {
    assertHeaderError("% evt 3.0\n", "only EVT 2.0");
    assertHeaderError("% format EVT3;height=720;width=1280\n", "only EVT2");
    assertHeaderError("% geometry 640by480\n", "WIDTHxHEIGHT");
    assertHeaderError("% geometry 640xabc\n", "not a whole number");
    assertHeaderError("% geometry 640x480\n% format EVT2;height=720;width=1280\n", "disagree");
    assertHeaderError("% Data file containing CD events\n", "DAT file");
    assertHeaderError("% format EVT2;width=640\n", "only one of width and height");
  }

  private static void assertHeaderError(String header, String expected) {
    byte[] file = concat("% evt 2.0\n", header, words(timeHigh(0)));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(file, EventFormat.EVT2));
    assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("header line at byte")
        || e.getMessage().contains("disagree"), e.getMessage());
  }

  @Test
  void theConfigSizeOverridesTheHeader() {
    byte[] file = concat(HEADER, words(timeHigh(0), cd(100, 100, 0, true)));
    EventReaderConfig small = EventReaderConfig.defaults().withFormat(EventFormat.EVT2).withSensorSize(64, 64);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll(open(file, small)));
    assertTrue(e.getMessage().contains("--width/--height"), e.getMessage());
  }

  @Test
  void aMinimalReadBufferGivesTheSameEventsAsTheDefault() {
    SensorSize size = new SensorSize(320, 240);
    List<Event> events = EventFixtures.randomEvents(7, 5_000, size, 0, 90);
    byte[] file = EventFixtures.write(EventFormat.EVT2, size, events);
    EventReaderConfig tiny = EventReaderConfig.defaults().withFormat(EventFormat.EVT2).withReadBufferBytes(64);
    try (EventReader r = open(file, tiny)) {
      assertEquals(events, readAll(r));
    }
  }
}
