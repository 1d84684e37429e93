package io.ganglion.drivers.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NmnistReaderTest {

  private static byte[] record(int x, int y, boolean on, int tUs) {
    return new byte[] {(byte) x, (byte) y, (byte) ((on ? 0x80 : 0) | tUs >>> 16 & 0x7F), (byte) (tUs >>> 8), (byte) tUs};
  }

  @Test
  void decodesFiveByteRecords() {
    byte[] file = EventFixtures.concat(record(0, 33, true, 0x12345), record(33, 0, false, 0x7FFFFF));
    try (EventReader r = EventFixtures.open(file, EventFormat.NMNIST)) {
      assertEquals(List.of(Event.of(0, 33, 0x12345, true), Event.of(33, 0, 0x7FFFFF, false)), EventFixtures.readAll(r));
      assertEquals(new SensorSize(34, 34), r.sensorSize());
    }
  }

  @Test
  void truncatedRecordIsAnErrorNamingItsOffset() {
    byte[] file = EventFixtures.concat(record(1, 1, true, 1), new byte[] {1, 2, 3});
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(file, EventFormat.NMNIST));
    assertTrue(e.getMessage().contains("byte 5") && e.getMessage().contains("3 bytes into a 5-byte record"), e.getMessage());
  }

  @Test
  void coordinatesBeyondThirtyFourAreAnErrorUnlessAnotherSizeIsForced() {
    byte[] file = EventFixtures.concat(record(1, 1, true, 1), record(34, 2, true, 2));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(file, EventFormat.NMNIST));
    assertTrue(e.getMessage().contains("byte 5") && e.getMessage().contains("34x34"), e.getMessage());
    EventReaderConfig caltech = EventReaderConfig.defaults().withFormat(EventFormat.NMNIST).withSensorSize(240, 180);
    try (EventReader r = EventFixtures.open(file, caltech)) {
      assertEquals(2, EventFixtures.readAll(r).size());
    }
  }

  @Test
  void timeGoingBackBeyondTheToleranceIsAnError() {
    byte[] file = EventFixtures.concat(record(1, 1, true, 5_000), record(1, 1, true, 3_000));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(file, EventFormat.NMNIST));
    assertTrue(e.getMessage().contains("byte 5") && e.getMessage().contains("goes back 2000 us"), e.getMessage());
  }
}
