package io.ganglion.firmware.cli.motion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ganglion.drivers.events.EventBuffer;
import io.ganglion.drivers.events.EventFiles;
import io.ganglion.drivers.events.EventFormat;
import io.ganglion.drivers.events.EventReader;
import io.ganglion.drivers.events.EventReaderConfig;
import io.ganglion.drivers.events.EventWriter;
import io.ganglion.drivers.events.SensorSize;
import io.ganglion.firmware.cli.CliRun;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ganglion motion live} on real sockets and file replays: what it reports window by window
 * must be what {@code motion detect} finds in the same recording.
 */
class MotionLiveCommandTest {

  @TempDir static Path dir;
  static Path right;
  static Path down;
  /** {@code motion detect --json --window-ms 50} of {@link #right}: t_start_s -> [events, spikes]. */
  static Map<Double, List<Long>> detectWindows;
  static long detectEvents;

  @BeforeAll
  static void recordings() throws IOException {
    right = MotionDetectCommandTest.movie(dir, "right.raw", 0, EventFormat.EVT2);
    down = MotionDetectCommandTest.movie(dir, "down.txt", 90, EventFormat.TEXT);
    CliRun r = CliRun.of("motion", "detect", "--input", right.toString(), "--json", "--window-ms", "50");
    assertEquals(0, r.code, r.err);
    JsonNode d = new ObjectMapper().readTree(r.out);
    detectEvents = d.get("events").asLong();
    detectWindows = new LinkedHashMap<>();
    for (JsonNode w : d.get("windows")) {
      if (w.get("events").asLong() > 0 || w.get("spikes").asLong() > 0) {
        detectWindows.put(w.get("t_start_s").asDouble(), List.of(w.get("events").asLong(), w.get("spikes").asLong()));
      }
    }
  }

  /** The JSON lines of a run: its windows (t_start_s -> [events, spikes]) and its summary. */
  record Lines(Map<Double, List<Long>> windows, JsonNode summary, List<JsonNode> all) {}

  static Lines lines(CliRun r) throws IOException {
    assertEquals(0, r.code, r.err);
    Map<Double, List<Long>> windows = new LinkedHashMap<>();
    List<JsonNode> all = new ArrayList<>();
    JsonNode summary = null;
    for (String line : r.out.split("\n")) {
      JsonNode n = new ObjectMapper().readTree(line);
      all.add(n);
      switch (n.get("type").asText()) {
        case "window":
          windows.put(n.get("t_start_s").asDouble(), List.of(n.get("events").asLong(), n.get("spikes").asLong()));
          break;
        case "summary":
          summary = n;
          break;
        default:
          break;
      }
    }
    assertTrue(summary != null && all.get(all.size() - 1) == summary, "the summary comes last: " + r.out);
    return new Lines(windows, summary, all);
  }

  @Test
  void aReplayAsFastAsPossibleReportsTheWindowsOfMotionDetect() throws IOException {
    Lines l = lines(CliRun.of("motion", "live", "--replay", right.toString(), "--speed", "max", "--json", "--window-ms", "50"));
    assertEquals(detectWindows, l.windows(), "window by window, the same events and spikes as motion detect");
    assertEquals(detectEvents, l.summary().get("events").asLong());
    assertEquals(0.0, l.summary().get("dominant_direction_deg").asDouble(), 1e-9);
    assertEquals(1, l.summary().get("streams").asInt());
    assertFalse(l.summary().get("interrupted").asBoolean());
  }

  @Test
  void aPacedReplayTakesTheRecordingsTimeAndFindsTheSameWindows() throws IOException {
    Lines l = lines(CliRun.of("motion", "live", "--replay", right.toString(), "--json", "--window-ms", "50"));
    assertTrue(l.summary().get("wall_s").asDouble() >= 0.19, "200 ms of events in real time: " + l.summary());
    assertEquals(detectWindows, l.windows(), "the replay clock closes bins earlier, not differently");
  }

  @Test
  void textOutputIsATablePerStreamWithTheDominantDirection() {
    CliRun r = CliRun.of("motion", "live", "--replay", down.toString(), "--speed", "4");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.startsWith("stream 1, from t = "), r.out);
    assertTrue(r.out.contains("dominant direction 90 deg"), r.out);
    assertTrue(r.err.contains("replaying") && r.err.contains("at 4x real time"), r.err);
  }

  @Test
  void aTcpClientsStreamIsDetectedAndOnceEndsWhenItDisconnects() throws Exception {
    int port = freePort();
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("motion", "live", "--tcp",
        String.valueOf(port), "--once", "--json", "--window-ms", "50", "--duration-s", "20"));
    try (Socket s = connect(port); OutputStream o = s.getOutputStream()) {
      o.write(Files.readAllBytes(right)); // the RAW header's geometry line gives the size
    }
    Lines l = lines(run.get(40, TimeUnit.SECONDS));
    assertEquals(detectWindows, l.windows(), "over TCP, the same windows as from the file");
    assertEquals("tcp 127.0.0.1:" + port, l.summary().get("source").asText());
    assertTrue(l.summary().get("wall_s").asDouble() < 15, "--once ended it, not --duration-s: " + l.summary());
  }

  @Test
  void onceEndsWithTheFirstStreamWhenTheNextClientIsConnectedButSilent() throws Exception {
    int port = freePort();
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("motion", "live", "--tcp",
        String.valueOf(port), "--once", "--json", "--window-ms", "50", "--duration-s", "20"));
    try (Socket first = connect(port); Socket idle = connect(port)) {
      try (OutputStream o = first.getOutputStream()) {
        o.write(Files.readAllBytes(right));
      }
      // the idle client is accepted now and stays connected, sending nothing, until the command is done
      Lines l = lines(run.get(40, TimeUnit.SECONDS));
      assertEquals(detectWindows, l.windows(), "the first stream, complete");
      assertTrue(l.summary().get("wall_s").asDouble() < 15, "the next stream's start ended it: " + l.summary());
    }
  }

  @Test
  void udpDatagramsAreDetectedWithTheGivenSize() throws Exception {
    int port = freeUdpPort();
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("motion", "live", "--udp",
        String.valueOf(port), "--width", "64", "--height", "64", "--once", "--json", "--duration-s", "20"));
    awaitUdpBound(port);
    sendUdp(port);
    Lines l = lines(run.get(40, TimeUnit.SECONDS)); // past --duration-s: a failure cannot hold the CLI lock for later tests
    assertTrue(l.summary().get("events").asLong() >= detectEvents * 9 / 10, l.summary().toString());
    assertEquals(1, l.summary().get("streams").asInt(), l.summary().toString());
    assertEquals(0.0, l.summary().get("dominant_direction_deg").asDouble(), 1e-9, l.summary().toString());
    assertTrue(l.summary().get("wall_s").asDouble() < 15, "--once ended it 1 s after the last datagram: " + l.summary());
  }

  @Test
  void aPacedReplayTheDetectorCannotFollowSaysItFellBehind() throws IOException {
    CliRun r = CliRun.of("motion", "live", "--replay", right.toString(), "--speed", "1000000");
    assertEquals(0, r.code, r.err);
    assertTrue(r.out.contains("fell behind:") && r.out.contains("against --speed 1000000"), r.out);
    Lines l = lines(CliRun.of("motion", "live", "--replay", right.toString(), "--speed", "1000000", "--json"));
    assertTrue(l.summary().get("sensor_s_per_wall_s").asDouble() < 900_000, l.summary().toString());
  }

  @Test
  void eachTcpClientIsItsOwnStreamEvenWhenTheNextWasWaiting() throws Exception {
    // the second client's times go on after the first's (+10 s): only the disconnect separates them
    Path later = dir.resolve("later.raw");
    try (EventReader r = EventFiles.open(right, EventReaderConfig.defaults());
        EventWriter w = EventFiles.newWriter(later, EventFormat.EVT2, new SensorSize(64, 64))) {
      EventBuffer b = new EventBuffer(4096);
      while (r.read(b) > 0) {
        for (int i = 0; i < b.count(); i++) {
          b.tUs[i] += 10_000_000;
        }
        w.write(b);
      }
    }
    int port = freePort();
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("motion", "live", "--tcp",
        String.valueOf(port), "--json", "--window-ms", "50", "--duration-s", "4"));
    try (Socket first = connect(port); Socket second = connect(port)) {
      // the second client waits in the backlog while the first sends: it is accepted the moment the
      // first disconnects, with no poll in between to see "not connected"
      try (OutputStream o = first.getOutputStream()) {
        o.write(Files.readAllBytes(right));
      }
      try (OutputStream o = second.getOutputStream()) {
        o.write(Files.readAllBytes(later));
      }
    }
    CliRun r = run.get(30, TimeUnit.SECONDS);
    Lines l = lines(r);
    assertEquals(2, l.summary().get("streams").asInt(), r.out);
    Map<Integer, Map<Double, List<Long>>> byStream = new LinkedHashMap<>();
    for (JsonNode n : l.all()) {
      if ("window".equals(n.get("type").asText())) {
        byStream.computeIfAbsent(n.get("stream").asInt(), k -> new LinkedHashMap<>())
            .put(n.get("t_start_s").asDouble(), List.of(n.get("events").asLong(), n.get("spikes").asLong()));
      }
    }
    assertEquals(detectWindows, byStream.get(1), "the first client's stream, ended where the second one's begins");
    assertEquals(detectWindows, byStream.get(2), "the second one's, from a clean detector");
  }

  @Test
  void aUdpSenderBackAfterASilenceIsANewStream() throws Exception {
    int port = freeUdpPort();
    CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> CliRun.of("motion", "live", "--udp",
        String.valueOf(port), "--width", "64", "--height", "64", "--json", "--window-ms", "50", "--duration-s", "5"));
    awaitUdpBound(port);
    sendUdp(port); // the same recording twice, 1.5 s apart: the sender's clock starts again (< 1 s back)
    Thread.sleep(1500);
    sendUdp(port);
    Lines l = lines(run.get(40, TimeUnit.SECONDS));
    assertEquals(2, l.summary().get("streams").asInt(), l.summary().toString());
    assertTrue(l.summary().get("events").asLong() >= 2 * detectEvents * 9 / 10, l.summary().toString());
    assertEquals(0, l.summary().get("events_out_of_order").asLong(), "the second stream has its own time order");
  }

  private static void sendUdp(int port) throws Exception {
    byte[] raw = Files.readAllBytes(right);
    try (DatagramSocket s = new DatagramSocket()) {
      for (int at = headerLength(raw); at < raw.length; at += 4096) {
        s.send(new DatagramPacket(raw, at, Math.min(4096, raw.length - at), InetAddress.getLoopbackAddress(), port));
        Thread.sleep(2); // paced: loopback drops nothing a 1 ms loop can keep up with
      }
    }
  }

  @Test
  void aTruncatedReplayReportsWhatCameBeforeAndExitsTwoNamingTheOffset() throws IOException {
    byte[] raw = Files.readAllBytes(right);
    Path cut = dir.resolve("cut.raw");
    Files.write(cut, Arrays.copyOf(raw, raw.length - 2));
    CliRun r = CliRun.of("motion", "live", "--replay", cut.toString(), "--speed", "max");
    assertEquals(2, r.code, r.out);
    assertTrue(r.out.contains("replay " + cut), "the summary of what was read: " + r.out);
    assertTrue(r.err.contains("truncated") && r.err.contains("byte " + (raw.length - 4)), r.err);
  }

  @Test
  void badFlagsExitTwoWithOneLine() throws IOException {
    int port = freePort();
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      String[][] cases = {
        {},
        {"--tcp", "7000", "--replay", right.toString()},
        {"--udp", String.valueOf(port)},
        {"--replay", right.toString(), "--speed", "fast"},
        {"--replay", right.toString(), "--speed", "0"},
        {"--replay", right.toString(), "--once"},
        {"--replay", dir.resolve("missing.raw").toString()},
        {"--replay", right.toString(), "--window-ms", "0"},
        {"--replay", right.toString(), "--duration-s", "-1"},
        {"--replay", right.toString(), "--width", "64"},
        {"--tcp", String.valueOf(port), "--speed", "2"},
        {"--tcp", String.valueOf(port), "--format", "aedat2"},
        {"--tcp", String.valueOf(taken.getLocalPort())},
        {"--udp", String.valueOf(port), "--width", "4096", "--height", "64"},
        {"--replay", right.toString(), "--board", "cam1"},
        {"--replay", right.toString(), "--telemetry-format", "json"},
        {"--replay", right.toString(), "--broker-port", "0"},
      };
      for (String[] c : cases) {
        String[] args = new String[c.length + 2];
        args[0] = "motion";
        args[1] = "live";
        System.arraycopy(c, 0, args, 2, c.length);
        CliRun r = CliRun.of(args);
        assertEquals(2, r.code, String.join(" ", c) + " -> " + r.err);
        assertEquals(1, r.err.strip().lines().count(), String.join(" ", c) + " -> " + r.err);
        assertFalse(r.err.contains("Exception"), r.err);
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Returns once something (the command, started in another thread) has bound UDP {@code port}, as
   * /proc/net/udp or udp6 shows it (looking, not binding: a probe bind could take the port from the
   * command; the JVM binds IPv6 sockets, dual-stack, where it can).
   */
  private static void awaitUdpBound(int port) throws Exception {
    List<Path> tables = List.of(Path.of("/proc/net/udp"), Path.of("/proc/net/udp6"));
    if (!Files.exists(tables.get(0))) {
      Thread.sleep(2000); // not Linux: give the command time to bind
      return;
    }
    String needle = String.format(":%04X", port);
    for (int i = 0; i < 300; i++) {
      for (Path table : tables) {
        if (!Files.exists(table)) {
          continue;
        }
        for (String line : Files.readAllLines(table)) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 1 && f[1].endsWith(needle)) {
            return;
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("nothing bound UDP port " + port + " within 15 s");
  }

  /** Connects once the command listens (it starts in another thread). */
  private static Socket connect(int port) throws Exception {
    for (int i = 0; ; i++) {
      try {
        return new Socket(InetAddress.getLoopbackAddress(), port);
      } catch (IOException e) {
        if (i > 300) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  /** Bytes of the RAW header ('%' lines) at the start of an EVT 2.0 file. */
  private static int headerLength(byte[] raw) {
    int at = 0;
    while (at < raw.length && raw[at] == '%') {
      while (raw[at] != '\n') {
        at++;
      }
      at++;
    }
    return at;
  }
}
