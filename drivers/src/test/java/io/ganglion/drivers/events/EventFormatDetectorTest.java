package io.ganglion.drivers.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFormatDetectorTest {

  private static EventFormat detect(String head, String name) {
    byte[] b = head.getBytes(StandardCharsets.ISO_8859_1);
    return EventFormatDetector.detect(b, b.length, name);
  }

  @Test
  void headerMagicWinsOverTheExtension() {
    assertEquals(EventFormat.AEDAT2, detect("#!AER-DAT2.0\r\n# x\r\n", "rec.txt"));
    assertEquals(EventFormat.EVT2, detect("% evt 2.0\n% geometry 640x480\n", "rec.bin"));
  }

  @Test
  void theExtensionDecidesWhenThereIsNoMagic() {
    assertEquals(EventFormat.EVT2, detect("\u0001\u0002\u0003\u0004", "a.RAW"));
    assertEquals(EventFormat.AEDAT2, detect("\u0001\u0002", "a.aedat"));
    assertEquals(EventFormat.TEXT, detect("0.1 1 2 1\n", "a.txt"));
    assertEquals(EventFormat.NMNIST, detect("\u0001\u0002\u0003\u0004\u0005", "00002.bin"));
  }

  @Test
  void textContentIsRecognisedWithoutAnExtension() {
    assertEquals(EventFormat.TEXT, detect("# comment\n0.000383 27 110 1\n0.0004 1 1 0\n", "events"));
  }

  @Test
  void unknownUnsupportedOrEmptyInputsAreErrorsThatSayWhatToDo() {
    InvalidInputException unknown = assertThrows(InvalidInputException.class, () -> detect("\u0000\u00ff\u0013", "blob"));
    assertTrue(unknown.getMessage().contains("--format evt2|aedat2|txt|nmnist"), unknown.getMessage());
    assertThrows(InvalidInputException.class, () -> detect("#!AER-DAT3.1\r\n", "a.aedat"));
    assertThrows(InvalidInputException.class, () -> detect("% Data file containing CD events\n", "a.dat"));
    assertThrows(InvalidInputException.class, () -> EventFormatDetector.detect(new byte[0], 0, "empty.raw"));
    assertThrows(InvalidInputException.class, () -> detect("hello world\n", "notes"));
  }

  @Test
  void autoOpensEveryWrittenFormatFromDisk(@TempDir Path dir) {
    List<Event> events = List.of(Event.of(1, 2, 10, true), Event.of(3, 4, 20, false));
    String[][] cases = {{"EVT2", "rec.raw"}, {"AEDAT2", "rec.aedat"}, {"TEXT", "rec.txt"}, {"NMNIST", "rec.bin"},
        {"EVT2", "noext1"}, {"AEDAT2", "noext2"}, {"TEXT", "noext3"}};
    for (String[] c : cases) {
      EventFormat format = EventFormat.valueOf(c[0]);
      Path file = dir.resolve(c[1]);
      try (EventWriter w = EventFiles.newWriter(file, format, format == EventFormat.NMNIST ? SensorSize.UNKNOWN
          : new SensorSize(240, 180))) {
        for (Event e : events) {
          w.write(e.x(), e.y(), e.tUs(), e.on());
        }
      }
      assertEquals(format, EventFiles.detect(file), c[1]);
      try (EventReader r = EventFiles.open(file, EventReaderConfig.defaults())) {
        assertEquals(format, r.format());
        assertEquals(events, EventFixtures.readAll(r), c[1]);
      }
      assertEquals(2, EventFiles.scan(file, EventReaderConfig.defaults()).eventsRead());
    }
  }

  @Test
  void aMissingFileIsAnInputErrorNamingIt(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nope.raw");
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> EventFiles.open(missing, EventReaderConfig.defaults().withFormat(EventFormat.EVT2)));
    assertTrue(e.getMessage().contains("nope.raw"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> EventFiles.open(missing, EventReaderConfig.defaults()));
    Files.createDirectory(dir.resolve("adir"));
    assertThrows(InvalidInputException.class, () -> EventFiles.open(dir.resolve("adir"), EventReaderConfig.defaults()));
  }

  @Test
  void formatNamesParseAsOnTheCommandLine() {
    assertEquals(EventFormat.TEXT, EventFormat.parse("txt"));
    assertEquals(EventFormat.AEDAT2, EventFormat.parse("AEDAT2"));
    assertEquals(EventFormat.AUTO, EventFormat.parse("auto"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFormat.parse("evt3"));
    assertTrue(e.getMessage().contains("auto, evt2, aedat2, txt, nmnist"), e.getMessage());
  }
}
