package io.ganglion.drivers.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.testkit.AllocationMeter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileReplayEventSourceTest {

  private static final SensorSize SIZE = new SensorSize(64, 48);

  /** A clock the test advances by hand. */
  private static final class ManualClock {
    long nanos = 5_000_000_000L;
  }

  private static EventReader reader(List<Event> events) {
    return EventFixtures.open(EventFixtures.write(EventFormat.EVT2, SIZE, events), EventFormat.EVT2);
  }

  private static List<Long> times(EventSourceInputs in) {
    List<Long> t = new ArrayList<>();
    for (int i = 0; i < in.events.count(); i++) {
      t.add(in.events.tUs[i]);
    }
    return t;
  }

  @Test
  void pacedReplayDeliversEachEventOnceItsTimeHasComeOnTheInjectedClock() {
    List<Event> events = List.of(Event.of(1, 1, 10_000, true), Event.of(2, 2, 10_500, true),
        Event.of(3, 3, 12_000, false), Event.of(4, 4, 20_000, true));
    ManualClock clock = new ManualClock();
    EventSourceInputs in = new EventSourceInputs(16);
    try (FileReplayEventSource src = FileReplayEventSource.paced(reader(events), 1.0, () -> clock.nanos)) {
      src.updateInputs(in); // starts the replay clock at t0 = 10,000 us
      assertEquals(List.of(10_000L), times(in));
      assertEquals(500_000, src.nanosUntilNextEvent());
      clock.nanos += 499_999;
      src.updateInputs(in);
      assertEquals(List.of(), times(in));
      assertEquals(10_499, in.sensorTimeUs);
      clock.nanos += 1;
      src.updateInputs(in);
      assertEquals(List.of(10_500L), times(in));
      clock.nanos += 9_500_000; // now at t0 + 10 ms = 20,000 us
      src.updateInputs(in);
      assertEquals(List.of(12_000L, 20_000L), times(in));
      assertTrue(in.endOfStream);
      assertFalse(in.connected);
      assertEquals(4, in.eventsTotal);
      assertEquals(-1, src.nanosUntilNextEvent());
    }
  }

  @Test
  void theSpeedFactorScalesTheReplayClock() {
    List<Event> events = List.of(Event.of(1, 1, 0, true), Event.of(1, 1, 1_000, true), Event.of(1, 1, 4_000, true));
    ManualClock clock = new ManualClock();
    EventSourceInputs in = new EventSourceInputs(16);
    try (FileReplayEventSource src = FileReplayEventSource.paced(reader(events), 4.0, () -> clock.nanos)) {
      src.updateInputs(in);
      assertEquals(List.of(0L), times(in));
      assertEquals(250_000, src.nanosUntilNextEvent(), "1 ms of events at 4x takes 250 us");
      clock.nanos += 250_000;
      src.updateInputs(in);
      assertEquals(List.of(1_000L), times(in));
      clock.nanos += 749_999;
      src.updateInputs(in);
      assertEquals(List.of(), times(in));
      clock.nanos += 1;
      src.updateInputs(in);
      assertEquals(List.of(4_000L), times(in));
    }
  }

  @Test
  void aBacklogLargerThanTheBufferIsDeliveredOverTheNextCallsInOrder() {
    List<Event> events = EventFixtures.randomEvents(3, 10_000, SIZE, 0, 3);
    ManualClock clock = new ManualClock();
    EventSourceInputs in = new EventSourceInputs(100);
    List<Event> got = new ArrayList<>();
    try (FileReplayEventSource src = FileReplayEventSource.paced(reader(events), 1.0, () -> clock.nanos)) {
      src.updateInputs(in);
      clock.nanos += 1_000_000_000L; // everything is due
      while (!in.endOfStream) {
        for (int i = 0; i < in.events.count(); i++) {
          got.add(in.events.get(i));
        }
        src.updateInputs(in);
        assertTrue(in.events.count() <= 100);
      }
      for (int i = 0; i < in.events.count(); i++) {
        got.add(in.events.get(i));
      }
    }
    assertEquals(events, got);
  }

  @Test
  void asFastAsPossibleDeliversFullBuffersUntilTheEnd() {
    List<Event> events = EventFixtures.randomEvents(4, 1_000, SIZE, 0, 1_000_000);
    EventSourceInputs in = new EventSourceInputs(300);
    int[] counts = new int[5];
    try (FileReplayEventSource src = FileReplayEventSource.asFastAsPossible(reader(events))) {
      for (int i = 0; i < counts.length; i++) {
        src.updateInputs(in);
        counts[i] = in.events.count();
      }
      assertTrue(in.endOfStream);
      assertEquals(events.get(999).tUs(), in.sensorTimeUs);
    }
    assertEquals(List.of(300, 300, 300, 100, 0), List.of(counts[0], counts[1], counts[2], counts[3], counts[4]));
  }

  @Test
  void aMalformedFileEndsTheReplayWithTheFailureInsteadOfThrowing() {
    byte[] good = EventFixtures.write(EventFormat.EVT2, SIZE, EventFixtures.randomEvents(5, 50, SIZE, 0, 10));
    byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
    EventSourceInputs in = new EventSourceInputs(1024);
    try (FileReplayEventSource src = FileReplayEventSource.asFastAsPossible(
        EventFixtures.open(truncated, EventFormat.EVT2))) {
      src.updateInputs(in);
      assertTrue(in.endOfStream);
      assertNotNull(in.failure);
      assertTrue(in.failure instanceof InvalidInputException);
      assertTrue(in.failure.getMessage().contains("truncated"), in.failure.getMessage());
    }
  }

  @Test
  void invalidSpeedsAreRejected() {
    EventReader r = reader(List.of(Event.of(1, 1, 0, true)));
    assertThrows(InvalidInputException.class, () -> FileReplayEventSource.paced(r, 0, () -> 0L));
    assertThrows(InvalidInputException.class, () -> FileReplayEventSource.paced(r, Double.NaN, () -> 0L));
    r.close();
  }

  @Test
  void pacedUpdatesAllocateNothing() {
    byte[] file = EventFixtures.writeRandom(EventFormat.EVT2, SIZE, 6, 1_000_000, 5);
    ManualClock clock = new ManualClock();
    EventSourceInputs in = new EventSourceInputs(64);
    try (FileReplayEventSource src = FileReplayEventSource.paced(EventFixtures.open(file, EventFormat.EVT2), 1.0,
        () -> clock.nanos)) {
      AllocationMeter.assertAllocationFree("paced replay update", 10_000, 5_000, () -> {
        clock.nanos += 20_000;
        src.updateInputs(in);
      });
      assertNull(in.failure);
      assertFalse(in.endOfStream);
    }
  }
}
