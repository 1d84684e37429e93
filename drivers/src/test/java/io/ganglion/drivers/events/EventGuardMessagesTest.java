package io.ganglion.drivers.events;

import static io.ganglion.drivers.events.EventFixtures.cd;
import static io.ganglion.drivers.events.EventFixtures.readAll;
import static io.ganglion.drivers.events.EventFixtures.timeHigh;
import static io.ganglion.drivers.events.EventFixtures.words;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The per-event errors name the source, the record (byte offset, or line for text), what is wrong
 * and how to fix it, like the readers' other errors.
 */
class EventGuardMessagesTest {

  @Test
  void timeGoingBackNamesTheByteOffsetTheGapAndTheToleranceOptionToRaise() {
    byte[] backwards = words(timeHigh(64_000), cd(1, 1, 64_000, true), timeHigh(0), cd(2, 2, 0, true));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll(backwards, EventFormat.EVT2));
    assertEquals("test.evt2: evt2 record at byte 12: event time 0 us goes back 64000 us from the latest time 64000 us,"
        + " more than the 1000 us backwards tolerance, so the events are not in time order; sort the file by time,"
        + " or if this is timestamp jitter pass --time-tolerance-us 64000 (or more)", e.getMessage());
  }

  @Test
  void anEventOutsideAForcedSizeNamesTheLimitsAndTheOptions() {
    byte[] file = words(timeHigh(0), cd(1, 1, 0, true), cd(5, 1, 1, true));
    EventReaderConfig small = EventReaderConfig.defaults().withFormat(EventFormat.EVT2).withSensorSize(4, 4);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll(EventFixtures.open(file, small)));
    assertEquals("test.evt2: evt2 record at byte 8: event at x=5 y=1 is outside the 4x4 sensor (size from the"
        + " --width/--height options; x must be < 4, y < 4); pass the sensor's real size with --width/--height,"
        + " or fix the file", e.getMessage());
  }

  @Test
  void textRecordsAreNamedByLineWithTheSameExplanation() {
    byte[] text = "0.000010 1 1 1\n0.000005 2 2 0\n0.000000 3 3 1\n".getBytes(StandardCharsets.US_ASCII);
    EventReaderConfig strict = EventReaderConfig.defaults().withFormat(EventFormat.TEXT).withBackwardsToleranceUs(2);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> readAll(EventFixtures.open(text, strict)));
    assertTrue(e.getMessage().startsWith("test.txt: line 2: event time 5 us goes back 5 us from the latest time 10 us,"),
        e.getMessage());
    assertTrue(e.getMessage().endsWith("pass --time-tolerance-us 5 (or more)"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }
}
