package io.ganglion.telemetry.monitor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.protocol.BinaryTelemetryCodec;
import io.ganglion.telemetry.protocol.EventPayload;
import io.ganglion.telemetry.protocol.StatusPayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalViewTest {

  private static MonitorSnapshot busySnapshot(int boards, int events) {
    MonitorState s = new MonitorState();
    for (int b = 0; b < boards; b++) {
      String id = "board-with-a-rather-long-name-" + b;
      s.onMessage("robots/" + id + "/status", MonitorStateTest.status(id, StatusPayload.State.ONLINE, null,
          Map.of("ring_overflow", 12_345_678L)), 1, true);
      s.onMessage("robots/" + id + "/telemetry/joints",
          BinaryTelemetryCodec.INSTANCE.encode(MonitorStateTest.batch(id, 0, 3, 0)), 0, false);
    }
    for (int i = 0; i < events; i++) {
      s.onMessage("robots/board-with-a-rather-long-name-0/events", new EventPayload("board-with-a-rather-long-name-0", i,
          i, "command_rejected", "bad_signature set with a long detail text that goes on and on and on", 0.25).toJson(),
          1, false);
    }
    return s.snapshot("tcp://a-broker-with-a-long-host-name.example:1883", "robots/+/#", true);
  }

  @Test
  void everyScreenFitsEightyByTwentyFourWithOrWithoutColour() {
    for (boolean ansi : new boolean[] {false, true}) {
      for (int[] load : new int[][] {{0, 0}, {1, 2}, {3, 40}, {30, 200}}) {
        List<String> lines = TerminalView.standard(ansi).render(busySnapshot(load[0], load[1]));
        assertTrue(lines.size() <= 24, lines.size() + " lines for " + load[0] + " boards");
        for (String line : lines) {
          assertTrue(TerminalView.visibleWidth(line) <= 80, "too wide: " + line);
        }
      }
    }
  }

  @Test
  void theScreenShowsBoardsStreamsValuesRejectionsAndEvents() {
    String screen = String.join("\n", TerminalView.standard(false).render(busySnapshot(1, 2)));
    assertTrue(screen.contains("board-with-a-rat"), screen);
    assertTrue(screen.contains("online"), screen);
    assertTrue(screen.contains("12345678"), "drop counter: " + screen);
    assertTrue(screen.contains("angle_rad=1 torque_nm=-2"), "integer values print without decimals: " + screen);
    assertTrue(screen.contains("REJECTED"), screen);
    assertTrue(screen.contains("#1 command_rejected bad_signature"), screen);
  }

  @Test
  void aLiveFrameStartsWithCursorHomeAndClear() {
    assertTrue(TerminalView.standard(true).frame(busySnapshot(1, 0)).startsWith("\u001b[H\u001b[2J"));
    assertTrue(!TerminalView.standard(false).frame(busySnapshot(1, 0)).contains("\u001b"));
  }
}
