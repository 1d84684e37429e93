package io.ganglion.drivers.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RpgTextReaderTest {

  private static List<Event> read(String text) {
    return EventFixtures.readAll(text.getBytes(StandardCharsets.US_ASCII), EventFormat.TEXT);
  }

  private static InvalidInputException error(String text) {
    return assertThrows(InvalidInputException.class, () -> read(text));
  }

  @Test
  void parsesSecondsToRoundedMicrosecondsAndKeepsAxesAsWritten() {
    assertEquals(List.of(Event.of(96, 133, 3811, false), Event.of(127, 171, 3820, true), Event.of(4, 160, 1_500_000, false)),
        read("0.003811000 96 133 0\n0.003820001 127 171 1\r\n1.5 4 160 -1"));
  }

  @Test
  void acceptsCommentsBlankLinesTabsCommasAndExponents() {
    try (EventReader r = EventFixtures.open("# t x y p\n\n1e-3\t1\t2\t1\n0.002,3,4,0\n".getBytes(StandardCharsets.US_ASCII),
        EventFormat.TEXT)) {
      assertEquals(List.of(Event.of(1, 2, 1000, true), Event.of(3, 4, 2000, false)), EventFixtures.readAll(r));
      assertEquals(2, r.stats().skipped(SkipReason.COMMENT));
    }
  }

  @Test
  void takesTheSizeFromAWidthHeightFirstLineElseReportsTheObservedSize() {
    try (EventReader r = EventFixtures.open("240 180\n0.1 239 179 1\n".getBytes(StandardCharsets.US_ASCII), EventFormat.TEXT)) {
      assertEquals(new SensorSize(240, 180), r.sensorSize());
      assertEquals(1, EventFixtures.readAll(r).size());
    }
    InvalidInputException e = error("240 180\n0.1 240 10 1\n");
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("x=240"), e.getMessage());
    try (EventReader r = EventFixtures.open("0.1 189 5 1\n0.2 3 179 0\n".getBytes(StandardCharsets.US_ASCII), EventFormat.TEXT)) {
      assertEquals(SensorSize.UNKNOWN, r.sensorSize());
      EventFixtures.readAll(r);
      assertEquals(new SensorSize(190, 180), r.stats().observedSize());
    }
  }

  @Test
  void plainAndUnusualLayoutsOfTheSameEventsReadTheSame() {
    java.util.SplittableRandom rnd = new java.util.SplittableRandom(99);
    StringBuilder plain = new StringBuilder();
    StringBuilder unusual = new StringBuilder();
    String[] seps = {"\t", ",", "  ", " \t"};
    long t = 0;
    for (int i = 0; i < 3_000; i++) {
      t += rnd.nextInt(5_000);
      int x = rnd.nextInt(1_000);
      int y = rnd.nextInt(1_000);
      int p = rnd.nextInt(2);
      String seconds = String.format(java.util.Locale.ROOT, "%d.%06d%03d", t / 1_000_000, t % 1_000_000, rnd.nextInt(500));
      plain.append(seconds).append(' ').append(x).append(' ').append(y).append(' ').append(p)
          .append(i % 3 == 0 ? "\r\n" : "\n");
      String sep = seps[i % seps.length];
      String time = i % 2 == 0 ? (t * 1000) + "e-9" : seconds;
      unusual.append(' ').append(time).append(sep).append(x).append(sep).append(y).append(sep)
          .append(p == 0 && i % 4 == 0 ? "-1" : String.valueOf(p)).append(" \n");
    }
    List<Event> fast = read(plain.toString());
    assertEquals(3_000, fast.size());
    assertEquals(fast, read(unusual.toString()));
  }

  @Test
  void unparsableLinesAreErrorsNamingTheLineNumber() {
    assertTrue(error("0.1 1 2 1\n0.2 1 x 1\n").getMessage().contains("line 2: x and y"));
    assertTrue(error("0.1 1 2 1\nabc 1 2 1\n").getMessage().contains("line 2: the time"));
    assertTrue(error("0.1 1 2 7\n").getMessage().contains("line 1: the polarity"));
    assertTrue(error("0.1 1 2 1 5\n").getMessage().contains("found more"));
    assertTrue(error("-0.1 1 2 1\n").getMessage().contains("negative time"));
  }

  @Test
  void aLineWithControlCharactersIsReportedOnOneLine() {
    // old Mac line ends (CR only) make the whole file one line; a NUL is a binary file read as text
    for (String text : new String[] {"0.1 1 2 1\r0.2 1 2 0\r0.3 1 2 1\r", "0.1 1 2\u0000 1\n", "0.1 1\u001b[2J 2 1\n"}) {
      String message = error(text).getMessage();
      assertTrue(message.startsWith("test.txt: line 1: "), message);
      assertTrue(message.chars().allMatch(c -> c >= 0x20 && c < 0x7F || c == '\t'), "one printable line: " + message);
    }
    assertTrue(error("0.1 1 2 1\r0.2 1 2 0\r").getMessage().contains("'0.1 1 2 1\\r0.2 1 2 0'"));
  }

  @Test
  void aTruncatedLastLineIsAnError() {
    InvalidInputException e = error("0.1 1 2 1\n0.2 1 2 0\n0.3 1");
    assertTrue(e.getMessage().contains("line 3: expected 4 fields") && e.getMessage().contains("'0.3 1'"), e.getMessage());
  }

  @Test
  void timeGoingBackBeyondTheToleranceIsAnError() {
    InvalidInputException e = error("0.5 1 1 1\n0.4 1 1 1\n");
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("goes back 100000 us"), e.getMessage());
  }

  @Test
  void aLineLongerThanTheReadBufferIsAnError() {
    String longLine = "0.1 1 1 1" + " ".repeat(200) + "\n";
    EventReaderConfig small = EventReaderConfig.defaults().withFormat(EventFormat.TEXT).withReadBufferBytes(64);
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> EventFixtures.readAll(EventFixtures.open(longLine.getBytes(StandardCharsets.US_ASCII), small)));
    assertTrue(e.getMessage().contains("longer than 64 bytes"), e.getMessage());
  }
}
