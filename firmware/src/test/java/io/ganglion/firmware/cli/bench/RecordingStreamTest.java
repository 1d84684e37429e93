package io.ganglion.firmware.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.motion.MotionInputs;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.EventSpeedFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStreamTest {

  @Test
  void keepsTheFirstEventsUpToTheCapAndSaysTheRestWereCut(@TempDir Path dir) {
    Path file = dir.resolve("rec.raw");
    EventSpeedFiles.write(file, EventFormat.EVT2, 10_000);

    RecordingStream cut = RecordingStream.load(file, EventReaderConfig.defaults(), 5_000);
    assertEquals(5_000, cut.events);
    assertTrue(cut.truncated);
    assertEquals(5_000, count(cut.chunks), "the chunks hold exactly the events kept");

    RecordingStream whole = RecordingStream.load(file, EventReaderConfig.defaults(), 10_000);
    assertEquals(10_000, whole.events);
    assertFalse(whole.truncated, "a file of exactly the cap is whole");
    assertEquals(10_000, count(whole.chunks));
    assertEquals(EventSpeedFiles.sensor(EventFormat.EVT2), whole.size, "the size the file declares");
  }

  private static int count(MotionInputs[] chunks) {
    int n = 0;
    for (MotionInputs in : chunks) {
      assertTrue(in.count > 0 && in.count <= in.x.length);
      n += in.count;
    }
    return n;
  }
}
