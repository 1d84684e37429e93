package io.ganglion.telemetry.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link MonitorSnapshot} as a text screen of at most {@code width} x {@code height}
 * characters (80 x 24 by default): header, boards, streams with rates and latest values, the
 * monitor's rejected-message counts, and as many recent events as fit. With {@code ansi}, states
 * are coloured and {@link #frame} prefixes the cursor-home/clear sequences for a live refresh.
 */
public final class TerminalView {

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
      .withZone(ZoneId.systemDefault());
  private static final DateTimeFormatter EVENT_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT)
      .withZone(ZoneId.systemDefault());
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String GREEN = "\u001b[32m";
  private static final String RED = "\u001b[31m";
  private static final String YELLOW = "\u001b[33m";

  private final int width;
  private final int height;
  private final boolean ansi;

  /**
   * @param width columns, >= 40
   * @param height rows, >= 10
   * @param ansi colour and cursor control
   */
  public TerminalView(int width, int height, boolean ansi) {
    if (width < 40 || height < 10) {
      throw new io.ganglion.drivers.InvalidInputException("terminal " + width + "x" + height + " is too small; use at least 40x10");
    }
    this.width = width;
    this.height = height;
    this.ansi = ansi;
  }

  /** 80 x 24. */
  public static TerminalView standard(boolean ansi) {
    return new TerminalView(80, 24, ansi);
  }

  /** The screen lines (at most {@code height}, each at most {@code width} visible characters). */
  public List<String> render(MonitorSnapshot s) {
    List<String> lines = new ArrayList<>();
    int online = (int) s.boards().stream().filter(MonitorSnapshot.BoardSnapshot::online).count();
    lines.add(bold(fit(String.format(Locale.ROOT, "ganglion monitor  %s  %s  %s  %s", s.broker(), s.filter(),
        CLOCK.format(Instant.ofEpochMilli(s.tMs())), s.connected() ? "connected" : "NOT CONNECTED"))));
    lines.add(fit(String.format(Locale.ROOT, "boards %d (%d online)   received %d   rejected %d", s.boards().size(), online,
        s.received().values().stream().mapToLong(Long::longValue).sum(), s.rejectedTotal())));

    int boardRows = Math.min(s.boards().size(), Math.max(1, (height - 8) / 4));
    lines.add(bold(fit(String.format(Locale.ROOT, "%-16s %-8s %-10s %-6s %9s %8s %8s %6s", "BOARD", "STATE", "LAW", "FORMAT",
        "UPTIME", "DROPPED", "EV.DROP", "SEEN"))));
    for (int i = 0; i < boardRows; i++) {
      MonitorSnapshot.BoardSnapshot b = s.boards().get(i);
      String line = fit(String.format(Locale.ROOT, "%-16s %-8s %-10s %-6s %9s %8d %8d %5.1fs", clip(b.board(), 16), b.state(),
          clip(dash(b.law()), 10), clip(dash(b.format()), 6), uptime(b.uptimeMs()), b.droppedSamples(), b.droppedEvents(),
          b.lastSeenAgoMs() / 1000.0));
      lines.add(colourState(line, b.state()));
    }
    if (s.boards().size() > boardRows) {
      lines.add(fit("  ... " + (s.boards().size() - boardRows) + " more boards"));
    }
    if (s.boards().isEmpty()) {
      lines.add(fit("  (no board yet: waiting for robots/<board>/status)"));
    }

    List<MonitorSnapshot.StreamSnapshot> streams = new ArrayList<>();
    s.boards().forEach(b -> streams.addAll(b.streams()));
    int eventsMin = Math.min(3, s.events().size()) + 1;
    int streamRows = Math.max(0, Math.min(streams.size(), height - lines.size() - 3 - eventsMin));
    lines.add(bold(fit(String.format(Locale.ROOT, "%-22s %8s %10s %5s  %s", "STREAM", "MSG/S", "SAMPLES/S", "GAPS", "LATEST"))));
    for (int i = 0; i < streamRows; i++) {
      MonitorSnapshot.StreamSnapshot st = streams.get(i);
      lines.add(fit(String.format(Locale.ROOT, "%-22s %8.1f %10.1f %5d  %s", clip(st.board() + "/" + st.stream(), 22),
          st.messagesPerS(), st.samplesPerS(), st.gaps(), latest(st.latest()))));
    }
    if (streams.size() > streamRows) {
      lines.add(fit("  ... " + (streams.size() - streamRows) + " more streams"));
    }

    StringBuilder rej = new StringBuilder("REJECTED");
    s.rejected().forEach((kind, reasons) -> rej.append("  ").append(kind).append(' ')
        .append(reasons.values().stream().mapToLong(Long::longValue).sum()));
    lines.add(s.rejectedTotal() > 0 ? yellow(fit(rej.toString())) : fit(rej.toString()));

    int eventRows = height - lines.size() - 1;
    lines.add(bold(fit("RECENT EVENTS")));
    List<MonitorSnapshot.EventEntry> ev = s.events();
    if (ev.isEmpty() && eventRows > 0) {
      lines.add(fit("  (none)"));
    }
    for (int i = Math.max(0, ev.size() - eventRows); i < ev.size(); i++) {
      MonitorSnapshot.EventEntry e = ev.get(i);
      String line = String.format(Locale.ROOT, "%s %s %s%s%s%s", EVENT_CLOCK.format(Instant.ofEpochMilli(e.receivedMs())),
          e.board(), e.seq() >= 0 ? "#" + e.seq() + " " : "", e.kind(), e.detail() == null ? "" : " " + e.detail(),
          Double.isFinite(e.value()) ? String.format(Locale.ROOT, " %.4g", e.value()) : "");
      lines.add(e.kind().contains("reject") || e.kind().equals("fault") || e.kind().equals("offline")
          || e.kind().equals("failsafe") ? yellow(fit(line)) : fit(line));
    }
    while (lines.size() > height) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }

  /** The screen as one string: for a live view, home + clear before, each line ending in a newline. */
  public String frame(MonitorSnapshot s) {
    StringBuilder sb = new StringBuilder();
    if (ansi) {
      sb.append("\u001b[H\u001b[2J");
    }
    for (String line : render(s)) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /** The visible width of a rendered line (ANSI sequences removed). */
  public static int visibleWidth(String line) {
    return line.replaceAll("\u001b\\[[0-9;]*[A-Za-z]", "").length();
  }

  /**
   * One screen line: control characters replaced by {@code ?} (payload text such as an event's
   * detail may hold newlines or escape sequences, which would add lines or drive the terminal),
   * then cut to the width.
   */
  private String fit(String s) {
    s = printable(s);
    return s.length() <= width ? s : s.substring(0, width - 1) + "~";
  }

  /** {@code s} with C0 and C1 control characters and DEL replaced by {@code ?}. */
  static String printable(String s) {
    char[] chars = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        if (chars == null) {
          chars = s.toCharArray();
        }
        chars[i] = '?';
      }
    }
    return chars == null ? s : new String(chars);
  }

  private static String clip(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "~";
  }

  private static String dash(String s) {
    return s == null ? "-" : s;
  }

  private static String uptime(long ms) {
    if (ms < 0) {
      return "-";
    }
    long s = ms / 1000;
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
  }

  private static String latest(Map<String, Double> values) {
    StringBuilder sb = new StringBuilder();
    values.forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(k).append('=');
      if (v == Math.rint(v) && Math.abs(v) < 1e15) {
        sb.append((long) v.doubleValue()); // counters, states, flags
      } else {
        sb.append(String.format(Locale.ROOT, "%.4g", v));
      }
    });
    return sb.toString();
  }

  private String bold(String s) {
    return ansi ? BOLD + s + RESET : s;
  }

  private String yellow(String s) {
    return ansi ? YELLOW + s + RESET : s;
  }

  private String colourState(String line, String state) {
    if (!ansi) {
      return line;
    }
    return (state.equals("online") ? GREEN : state.equals("offline") ? RED : YELLOW) + line + RESET;
  }
}
