package io.ganglion.drivers.events;

import static io.ganglion.drivers.events.EventFixtures.cd;
import static io.ganglion.drivers.events.EventFixtures.concat;
import static io.ganglion.drivers.events.EventFixtures.timeHigh;
import static io.ganglion.drivers.events.EventFixtures.words;
import static io.ganglion.drivers.events.NetworkTestSupport.pollUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.testkit.AllocationMeter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;

class TcpEvt2EventSourceTest {

  private static Socket connect(TcpEvt2EventSource src) throws IOException {
    return new Socket(InetAddress.getLoopbackAddress(), src.localPort());
  }

  @Test
  void receivesWordsSplitAcrossWritesAndAnOptionalRawHeader() throws Exception {
    byte[] stream = concat("% evt 2.0\n% geometry 320x240\n% end\n",
        words(timeHigh(6_400), cd(5, 6, 6_401, true), 0xA000_0000, cd(319, 239, 6_450, false), timeHigh(6_464),
            cd(7, 8, 6_470, true)));
    EventSourceInputs in = new EventSourceInputs(64);
    try (TcpEvt2EventSource src = TcpEvt2EventSource.listen(Evt2StreamConfig.loopback(0));
         Socket client = connect(src)) {
      OutputStream out = client.getOutputStream();
      for (int i = 0; i < stream.length; i += 3) { // 3-byte pieces: words straddle writes
        out.write(stream, i, Math.min(3, stream.length - i));
        out.flush();
      }
      List<Event> got = pollUntil(src, in, s -> s.eventsTotal == 3);
      assertEquals(List.of(Event.of(5, 6, 6_401, true), Event.of(319, 239, 6_450, false), Event.of(7, 8, 6_470, true)), got);
      assertTrue(in.connected);
      assertEquals(1, in.skipped, "the trigger word");
      assertEquals(new SensorSize(320, 240), in.sensorSize, "taken from the header");
      assertEquals(6_470, in.sensorTimeUs);
    }
  }

  @Test
  void aNewConnectionStartsANewStreamAndPartialWordsCountAsMalformed() throws Exception {
    EventSourceInputs in = new EventSourceInputs(64);
    try (TcpEvt2EventSource src = TcpEvt2EventSource.listen(Evt2StreamConfig.loopback(0))) {
      try (Socket first = connect(src)) {
        first.getOutputStream().write(concat(words(timeHigh(5_000_000), cd(1, 1, 5_000_000, true)), new byte[] {1, 2}));
      }
      pollUntil(src, in, s -> s.eventsTotal == 1 && s.malformed == 1 && !s.connected);
      try (Socket second = connect(src)) {
        // the second sender restarts its clock at 0 and sends a CD word before its first TIME_HIGH
        second.getOutputStream().write(words(cd(9, 9, 3, true), timeHigh(0), cd(2, 2, 10, false)));
        List<Event> got = pollUntil(src, in, s -> s.eventsTotal == 2);
        assertEquals(List.of(Event.of(2, 2, 10, false)), got);
        assertEquals(2, in.connections);
        assertEquals(1, in.skipped, "CD word before the new stream's first TIME_HIGH");
      }
    }
  }

  @Test
  void theNextClientsStreamIsMarkedEvenWhileItSendsNothing() throws Exception {
    EventSourceInputs in = new EventSourceInputs(64);
    try (TcpEvt2EventSource src = TcpEvt2EventSource.listen(Evt2StreamConfig.loopback(0));
         Socket idle = new Socket()) {
      try (Socket first = connect(src)) {
        first.getOutputStream().write(words(timeHigh(6_400), cd(1, 1, 6_401, true), cd(2, 2, 6_402, true)));
        pollUntil(src, in, s -> s.eventsTotal == 2);
        assertTrue(in.newStream && !in.streamEnds, "the first client's events, its stream still open");
        idle.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), src.localPort())); // waits in the backlog
      }
      // the first client is gone and the next one, accepted, stays silent: the first stream is over
      pollUntil(src, in, s -> s.streamEnds);
      assertTrue(in.connected, "the idle client is connected");
      assertEquals(0, in.events.count());
      idle.getOutputStream().write(words(timeHigh(64), cd(3, 3, 70, true)));
      List<Event> got = pollUntil(src, in, s -> s.eventsTotal == 3);
      assertEquals(List.of(Event.of(3, 3, 70, true)), got);
      assertTrue(in.newStream && !in.streamEnds);
    }
  }

  @Test
  void outOfRangeCoordinatesAndLateEventsAreCountedAndDropped() throws Exception {
    Evt2StreamConfig config = Evt2StreamConfig.loopback(0).withSensorSize(new SensorSize(100, 100));
    EventSourceInputs in = new EventSourceInputs(64);
    try (TcpEvt2EventSource src = TcpEvt2EventSource.listen(config); Socket client = connect(src)) {
      client.getOutputStream().write(words(timeHigh(640_000), cd(1, 1, 640_000, true), cd(100, 1, 640_001, true),
          timeHigh(630_016), cd(2, 2, 630_020, true), timeHigh(640_000), cd(3, 3, 640_005, false)));
      List<Event> got = pollUntil(src, in, s -> s.eventsTotal == 2);
      assertEquals(List.of(Event.of(1, 1, 640_000, true), Event.of(3, 3, 640_005, false)), got);
      assertEquals(1, in.malformed);
      assertEquals(1, in.outOfOrder);
    }
  }

  @Test
  void aFullRingDropsNewEventsAndCountsThem() throws Exception {
    Evt2StreamConfig config = Evt2StreamConfig.loopback(0).withRingCapacity(16);
    int[] w = new int[1 + 40];
    w[0] = timeHigh(0);
    for (int i = 1; i < w.length; i++) {
      w[i] = cd(i, i, 1, true);
    }
    EventSourceInputs in = new EventSourceInputs(64);
    try (TcpEvt2EventSource src = TcpEvt2EventSource.listen(config); Socket client = connect(src)) {
      client.getOutputStream().write(words(w));
      client.close();
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (src.decoder.publishedDropped < 24 && System.nanoTime() < deadline) { // nobody drains meanwhile
        Thread.sleep(1);
      }
      pollUntil(src, in, s -> s.droppedEvents + s.eventsTotal == 40 && !s.connected);
      assertEquals(16, in.eventsTotal);
      assertEquals(24, in.droppedEvents);
    }
  }

  @Test
  void closeStopsListeningAndEndsTheStream() throws Exception {
    EventSourceInputs in = new EventSourceInputs(8);
    TcpEvt2EventSource src = TcpEvt2EventSource.listen(Evt2StreamConfig.loopback(0));
    int port = src.localPort();
    src.close();
    src.updateInputs(in);
    assertTrue(in.endOfStream);
    assertFalse(in.connected);
    assertThrows(IOException.class, () -> new Socket(InetAddress.getLoopbackAddress(), port).close());
    src.close(); // idempotent
  }

  @Test
  void aPortInUseIsAnInputError() {
    try (TcpEvt2EventSource src = TcpEvt2EventSource.listen(Evt2StreamConfig.loopback(0))) {
      InvalidInputException e = assertThrows(InvalidInputException.class,
          () -> TcpEvt2EventSource.listen(Evt2StreamConfig.loopback(src.localPort())));
      assertTrue(e.getMessage().contains("pick a free port"), e.getMessage());
    }
  }

  @Test
  void drainingUpdatesAllocateNothingWhileEventsStreamIn() throws Exception {
    EventSourceInputs in = new EventSourceInputs(32);
    try (TcpEvt2EventSource src = TcpEvt2EventSource.listen(Evt2StreamConfig.loopback(0)); Socket client = connect(src)) {
      Thread sender = new Thread(() -> {
        try {
          OutputStream out = client.getOutputStream();
          for (long high = 0; !Thread.currentThread().isInterrupted(); high++) {
            int[] w = new int[1 + 500];
            w[0] = timeHigh(high << 6);
            for (int i = 1; i < w.length; i++) {
              w[i] = cd(i % 640, i % 480, (high << 6) + 5, i % 2 == 0);
            }
            out.write(words(w));
            Thread.sleep(1);
          }
        } catch (IOException | InterruptedException e) {
          // the test is over
        }
      });
      sender.start();
      try {
        pollUntil(src, in, s -> s.eventsTotal > 0);
        long deadline = System.nanoTime() + 60_000_000_000L;
        // each measured run waits (spinning, allocation-free) until it has drained some events
        AllocationMeter.assertAllocationFree("tcp source update", 5_000, 5_000, () -> {
          do {
            src.updateInputs(in);
            if (System.nanoTime() > deadline) {
              throw new AssertionError("the sender stopped delivering events");
            }
          } while (in.events.isEmpty());
        });
        assertTrue(in.eventsTotal >= 10_000, "every measured update drained events");
      } finally {
        sender.interrupt();
        sender.join(5_000);
      }
    }
  }
}
