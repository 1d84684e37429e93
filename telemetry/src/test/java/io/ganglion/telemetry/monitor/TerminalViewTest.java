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

  @Test
  void textFromPayloadsCannotAddLinesOrDriveTheTerminal() {
    // status and event payloads carry free text (law, format, reason, detail): anyone who can publish
    // under robots/ chooses it, and a board's command_failed detail is an exception message
    MonitorState s = new MonitorState();
    s.onMessage("robots/b1/status", new StatusPayload(StatusPayload.State.ONLINE, "b1", "0.1.0", "c0ffee", "nc\nap",
        "bin\u001b[2J", List.of("joints"), null, 1, 1234, Map.of()).toJson(), 1, true);
    for (int i = 0; i < 3; i++) {
      s.onMessage("robots/b1/events", new EventPayload("b1", i, i, "command_failed",
          "set: first line\nsecond line\r\u001b[2J\u001b]0;title\u0007\u009b31m", Double.NaN).toJson(), 1, false);
    }
    MonitorSnapshot snap = s.snapshot("tcp://x:1883", "robots/+/#", true);
    for (boolean ansi : new boolean[] {false, true}) {
      TerminalView view = TerminalView.standard(ansi);
      List<String> lines = view.render(snap);
      for (String line : lines) {
        String text = line.replaceAll("\u001b\\[[0-9;]*m", ""); // the view's own colours
        for (int i = 0; i < text.length(); i++) {
          char c = text.charAt(i);
          assertTrue(c >= 0x20 && c != 0x7f && (c < 0x80 || c > 0x9f),
              "control character " + (int) c + " from a payload in: " + text.replace("\u001b", "ESC"));
        }
        assertTrue(TerminalView.visibleWidth(line) <= 80, "too wide: " + line);
      }
      String frame = view.frame(snap);
      long newlines = frame.chars().filter(c -> c == '\n').count();
      assertTrue(newlines == lines.size() && newlines <= 24, newlines + " lines in the frame");
    }
    String screen = String.join("\n", TerminalView.standard(false).render(snap));
    assertTrue(screen.contains("#2 command_failed set: first line?second line??[2J?]0;title??31m"), screen);
  }
}
