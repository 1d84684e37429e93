package io.ganglion.drivers.events;

import static io.ganglion.drivers.events.EventFixtures.AEDAT_HEADER;
import static io.ganglion.drivers.events.EventFixtures.aedatRecords;
import static io.ganglion.drivers.events.EventFixtures.concat;
import static io.ganglion.drivers.events.EventFixtures.open;
import static io.ganglion.drivers.events.EventFixtures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class Aedat2ReaderTest {

  /** A DAVIS240 DVS address from raw (sensor) coordinates. */
  private static int dvs(int xRaw, int yRaw, boolean on) {
    return yRaw << 22 | xRaw << 12 | (on ? 1 << 11 : 0);
  }

  private static final int IMU_WORD = 0x8000_0C00;
  private static final int APS_SAMPLE = 0x8000_0400;
  private static final int SPECIAL = 0x0000_0400;

  @Test
  void mapsRawDavisAddressesToImageCoordinates() {
    // raw y = 0 is the bottom row -> image y = 179; jAER's x = 239 - raw x
    byte[] file = concat(AEDAT_HEADER, aedatRecords(
        dvs(0, 0, true), 100,
        dvs(239, 179, false), 101,
        dvs(39, 29, true), 102));
    try (EventReader r = open(file, EventFormat.AEDAT2)) {
      assertEquals(List.of(Event.of(239, 179, 100, true), Event.of(0, 0, 101, false), Event.of(200, 150, 102, true)),
          readAll(r));
      assertEquals(new SensorSize(240, 180), r.sensorSize());
    }
  }

  @Test
  void skipsImuApsAndSpecialEventsWithCounters() {
    byte[] file = concat(AEDAT_HEADER, aedatRecords(
        IMU_WORD, 5, IMU_WORD, 5, IMU_WORD, 5, IMU_WORD, 5, IMU_WORD, 5, IMU_WORD, 5, IMU_WORD, 5,
        APS_SAMPLE, 6, SPECIAL, 7, dvs(10, 10, true), 8, 0x8000_0800, 9));
    try (EventReader r = open(file, EventFormat.AEDAT2)) {
      assertEquals(List.of(Event.of(229, 169, 8, true)), readAll(r));
      assertEquals(7, r.stats().skipped(SkipReason.IMU));
      assertEquals(1, r.stats().skipped(SkipReason.APS));
      assertEquals(1, r.stats().skipped(SkipReason.SPECIAL));
      assertEquals(1, r.stats().skipped(SkipReason.OTHER_TYPE));
    }
  }

  @Test
  void unwrapsTheThirtyTwoBitTimestampRollover() {
    byte[] file = concat(AEDAT_HEADER, aedatRecords(dvs(1, 1, true), 0xFFFF_FFF0, dvs(1, 1, true), 0x10));
    List<Event> events = EventFixtures.readAll(file, EventFormat.AEDAT2);
    assertEquals(0xFFFF_FFF0L, events.get(0).tUs());
    assertEquals((1L << 32) + 0x10, events.get(1).tUs());
  }

  @Test
  void aTimestampSteppingBackAcrossTheRolloverIsAStepBackNotAJumpForward() {
    // 0xFFFF_FFF0, then 0x10 after the 2^32 rollover, then 18 us back across it (jitter), then on
    byte[] file = concat(AEDAT_HEADER, aedatRecords(dvs(1, 1, true), 0xFFFF_FFF0, dvs(2, 2, true), 0x10,
        dvs(3, 3, true), 0xFFFF_FFFE, dvs(4, 4, true), 0x20));
    try (EventReader r = open(file, EventFormat.AEDAT2)) {
      List<Event> events = readAll(r);
      assertEquals(List.of(0xFFFF_FFF0L, (1L << 32) + 0x10, (1L << 32) + 0x10, (1L << 32) + 0x20),
          events.stream().map(Event::tUs).toList());
      assertEquals(1, r.stats().jitterClamped(), "the event 18 us back is clamped, not moved 2^32 us ahead");
    }
    byte[] back = concat(AEDAT_HEADER, aedatRecords(dvs(1, 1, true), 0xFFFF_FFF0, dvs(2, 2, true), 0x10,
        dvs(3, 3, true), 0xFFFF_0000));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(back, EventFormat.AEDAT2));
    assertTrue(e.getMessage().contains("byte " + (AEDAT_HEADER.length() + 16)) && e.getMessage().contains("goes back 65552 us"),
        e.getMessage());
  }

  @Test
  void truncatedRecordIsAnErrorNamingItsByteOffset() {
    byte[] whole = concat(AEDAT_HEADER, aedatRecords(dvs(1, 1, true), 1));
    byte[] cut = concat(whole, new byte[] {0, 0, 0, 0, 0});
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(cut, EventFormat.AEDAT2));
    assertTrue(e.getMessage().contains("byte " + whole.length) && e.getMessage().contains("truncated"), e.getMessage());
  }

  @Test
  void badHeadersAreErrors() {
    InvalidInputException noMagic = assertThrows(InvalidInputException.class,
        () -> EventFixtures.readAll(concat("# just a comment\r\n", aedatRecords(dvs(1, 1, true), 1)), EventFormat.AEDAT2));
    assertTrue(noMagic.getMessage().contains("#!AER-DAT2.0"), noMagic.getMessage());
    InvalidInputException v3 = assertThrows(InvalidInputException.class,
        () -> EventFixtures.readAll(concat("#!AER-DAT3.1\r\n", aedatRecords(dvs(1, 1, true), 1)), EventFormat.AEDAT2));
    assertTrue(v3.getMessage().contains("3.1"), v3.getMessage());
    byte[] dvs128 = concat("#!AER-DAT2.0\r\n# AEChip: ch.unizh.ini.jaer.chip.retina.DVS128\r\n",
        aedatRecords(dvs(1, 1, true), 1));
    InvalidInputException chip = assertThrows(InvalidInputException.class,
        () -> EventFixtures.readAll(dvs128, EventFormat.AEDAT2));
    assertTrue(chip.getMessage().contains("DVS128") && chip.getMessage().contains("byte 14"), chip.getMessage());
  }

  @Test
  void rawCoordinatesBeyondTheSensorAreAnError() {
    byte[] file = concat(AEDAT_HEADER, aedatRecords(dvs(1, 1, true), 1, dvs(300, 10, true), 2));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(file, EventFormat.AEDAT2));
    assertTrue(e.getMessage().contains("raw x=300") && e.getMessage().contains("byte " + (AEDAT_HEADER.length() + 8)),
        e.getMessage());
  }

  @Test
  void timeGoingBackBeyondTheToleranceIsAnError() {
    byte[] file = concat(AEDAT_HEADER, aedatRecords(dvs(1, 1, true), 50_000, dvs(2, 2, true), 40_000));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> EventFixtures.readAll(file, EventFormat.AEDAT2));
    assertTrue(e.getMessage().contains("goes back 10000 us"), e.getMessage());
  }

  @Test
  void theEndOfHeaderLineEndsTheHeaderEvenWhenTheFirstRecordStartsWithAHashByte() {
    // raw y = 140: the address's first (big-endian) byte is 140 >> 2 = 0x23, '#'. jAER ends its
    // header with "#End Of ASCII Header": the data starts right after that line, whatever its bytes.
    assertEquals(0x23, dvs(5, 140, true) >>> 24);
    byte[] file = concat(AEDAT_HEADER, "#End Of ASCII Header\r\n",
        aedatRecords(dvs(5, 140, true), 100, dvs(6, 10, false), 0x0A0A_0A0A));
    try (EventReader r = open(file, EventFormat.AEDAT2)) {
      assertEquals(List.of(Event.of(234, 39, 100, true), Event.of(233, 169, 0x0A0A_0A0AL, false)), readAll(r));
      assertEquals(file.length, r.stats().bytesRead());
    }
    // other writers' spelling of the same line
    byte[] other = concat(AEDAT_HEADER, "# End of ASCII Header\r\n", aedatRecords(dvs(5, 140, true), 100));
    assertEquals(List.of(Event.of(234, 39, 100, true)), EventFixtures.readAll(other, EventFormat.AEDAT2));
  }

  @Test
  void aHeaderOnlyFileHasNoEvents() {
    assertEquals(List.of(), EventFixtures.readAll(AEDAT_HEADER.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
        EventFormat.AEDAT2));
  }
}
