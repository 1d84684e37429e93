package io.ganglion.drivers.events;

import static io.ganglion.drivers.events.EventFixtures.cd;
import static io.ganglion.drivers.events.EventFixtures.timeHigh;
import static io.ganglion.drivers.events.EventFixtures.words;
import static io.ganglion.drivers.events.NetworkTestSupport.pollUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class UdpEvt2EventSourceTest {

  private static void send(DatagramSocket socket, int port, byte[] payload) throws IOException {
    socket.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), port));
  }

  @Test
  void decodesDatagramsAndKeepsTheTimeBaseAcrossThem() throws Exception {
    EventSourceInputs in = new EventSourceInputs(64);
    try (UdpEvt2EventSource src = UdpEvt2EventSource.listen(Evt2StreamConfig.loopback(0));
         DatagramSocket sender = new DatagramSocket()) {
      send(sender, src.localPort(), words(timeHigh(1_280), cd(1, 2, 1_281, true)));
      pollUntil(src, in, s -> s.eventsTotal == 1);
      send(sender, src.localPort(), words(cd(3, 4, 1_290, false))); // no TIME_HIGH: the previous one holds
      List<Event> got = pollUntil(src, in, s -> s.eventsTotal == 2);
      assertEquals(List.of(Event.of(3, 4, 1_290, false)), got);
      assertTrue(in.connected);
      assertEquals(2, src.datagramsReceived());
    }
  }

  @Test
  void datagramsThatAreNotWholeWordsAndLateDatagramsAreCountedAndDropped() throws Exception {
    EventSourceInputs in = new EventSourceInputs(64);
    try (UdpEvt2EventSource src = UdpEvt2EventSource.listen(Evt2StreamConfig.loopback(0));
         DatagramSocket sender = new DatagramSocket()) {
      int port = src.localPort();
      send(sender, port, words(timeHigh(64_000), cd(1, 1, 64_000, true)));
      send(sender, port, new byte[] {1, 2, 3, 4, 5, 6});
      send(sender, port, words(timeHigh(32_000), cd(2, 2, 32_000, true))); // 32 ms late: out of order
      send(sender, port, words(timeHigh(64_064), cd(3, 3, 64_064, false)));
      List<Event> got = pollUntil(src, in, s -> src.datagramsReceived() == 4 && s.eventsTotal == 2);
      assertEquals(List.of(Event.of(1, 1, 64_000, true), Event.of(3, 3, 64_064, false)), got);
      assertEquals(1, in.malformed);
      assertEquals(1, in.outOfOrder);
    }
  }

  @Test
  void aSenderRestartingItsClockIsFollowedAfterAJumpBackOfMoreThanOneSecond() throws Exception {
    EventSourceInputs in = new EventSourceInputs(64);
    try (UdpEvt2EventSource src = UdpEvt2EventSource.listen(Evt2StreamConfig.loopback(0));
         DatagramSocket sender = new DatagramSocket()) {
      send(sender, src.localPort(), words(timeHigh(5_000_000), cd(1, 1, 5_000_000, true)));
      pollUntil(src, in, s -> s.eventsTotal == 1);
      send(sender, src.localPort(), words(timeHigh(64), cd(2, 2, 70, true)));
      List<Event> got = pollUntil(src, in, s -> s.eventsTotal == 2);
      assertEquals(List.of(Event.of(2, 2, 70, true)), got);
      assertEquals(2, in.connections, "first datagram plus one restart");
    }
  }

  @Test
  void aSenderBackAfterASilenceIsANewStreamWithItsOwnTimeOrder() throws Exception {
    EventSourceInputs in = new EventSourceInputs(64);
    Evt2StreamConfig config = new Evt2StreamConfig("127.0.0.1", 0, SensorSize.UNKNOWN, 1 << 10, 1000, 200_000_000L);
    try (UdpEvt2EventSource src = UdpEvt2EventSource.listen(config);
         DatagramSocket sender = new DatagramSocket()) {
      send(sender, src.localPort(), words(timeHigh(500_000), cd(1, 1, 500_000, true)));
      pollUntil(src, in, s -> s.eventsTotal == 1);
      assertTrue(in.newStream, "the first events start a stream");
      pollUntil(src, in, s -> !s.connected); // 0.2 s without a datagram
      assertEquals(0, in.events.count());
      // the sender again, its clock 0.3 s back: dropped as out of order within a stream, taken as a new one here
      send(sender, src.localPort(), words(timeHigh(200_000), cd(2, 2, 200_000, true)));
      List<Event> got = pollUntil(src, in, s -> s.eventsTotal == 2);
      assertEquals(List.of(Event.of(2, 2, 200_000, true)), got);
      assertTrue(in.newStream, "marked as a new stream");
      assertTrue(in.connected);
      assertEquals(2, in.connections);
      assertEquals(0, in.outOfOrder);
    }
  }

  @Test
  void closeEndsTheStream() {
    EventSourceInputs in = new EventSourceInputs(8);
    UdpEvt2EventSource src = UdpEvt2EventSource.listen(Evt2StreamConfig.loopback(0));
    src.updateInputs(in);
    assertFalse(in.connected, "no datagram yet");
    src.close();
    src.updateInputs(in);
    assertTrue(in.endOfStream);
  }
}
