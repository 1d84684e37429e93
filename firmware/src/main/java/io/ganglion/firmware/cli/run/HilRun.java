package io.ganglion.firmware.cli.run;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.firmware.cli.support.GiveUpOption;
import io.ganglion.firmware.cli.support.StopSignal;
import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.cli.support.VersionProvider;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.core.LoopReport;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.hil.HilBoard;
import io.ganglion.firmware.tap.LoggingEventSink;
import io.ganglion.telemetry.hil.HilTopics;
import io.ganglion.telemetry.mqtt.MqttSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** {@code ganglion run --io hil}: the board file's firmware on HIL IO, lock-stepped by a remote simulator. */
final class HilRun {

  private HilRun() {}

  static int run(BoardConfig board, String broker, String session, long linkTimeoutMs, double giveUpS, boolean autoArm,
      boolean json) throws InterruptedException {
    if (broker == null || session == null) {
      throw new InvalidInputException("--io hil needs --broker URL and --session ID (the simulator's: ganglion hil serve)");
    }
    HilTopics.requireSession(session);
    if (linkTimeoutMs < 1) {
      throw new InvalidInputException("--link-timeout-ms must be >= 1, got " + linkTimeoutMs);
    }
    long giveUpNanos = GiveUpOption.nanos(giveUpS);
    MqttSettings mqtt = MqttSettings.resolve(broker, "ganglion-" + board.boardId() + "-hil", null, null, null, System.getenv());
    LoggingEventSink events = new LoggingEventSink(System.err, "ganglion: ", true);
    // Ctrl-C/SIGTERM: the hook asks the loop to stop and waits for the summary to be printed and
    // everything closed (StopSignal is closed last)
    try (StopSignal stop = StopSignal.install(10_000);
         HilBoard hil = HilBoard.open(board, mqtt, new HilBoard.Options(session, TimeUnit.MILLISECONDS.toNanos(linkTimeoutMs),
             autoArm, giveUpNanos), events, VersionProvider.version())) {
      stop.whenSignalled(hil::requestStop);
      System.err.println("ganglion: board " + board.boardId() + " on HIL session " + session + " via " + broker
          + " (law " + board.law().name() + ", link timeout " + linkTimeoutMs + " ms); waiting for the simulator");
      System.err.flush();
      HilBoard.Result r = hil.run(System.err);
      events.flush();
      summary(board, session, r, events.history(), stop.signalled()).print(System.out, json);
      events.close();
      int code = exitCode(r, stop.signalled());
      if (code != 0) {
        System.err.println("ganglion: the HIL run did not complete: " + (r.linkLosses() > 0 ? "the link to the simulator"
            + " was lost " + r.linkLosses() + " time(s)" + (r.gaveUp() ? " and the board gave up waiting" : "")
            : "the board gave up waiting for the simulator"));
        System.err.flush();
      }
      return code;
    }
  }

  /**
   * 0 when the simulator ended the run (or a signal stopped it) without a link loss; 1 when the
   * board gave up waiting for frames or the link was lost (the failsafe tripped, or would have).
   */
  static int exitCode(HilBoard.Result r, boolean signalled) {
    if (r.linkLosses() > 0) {
      return 1;
    }
    return r.ended() || signalled ? 0 : 1;
  }

  private static Summary summary(BoardConfig board, String session, HilBoard.Result r, List<FailsafeEvent> history,
      boolean signalled) {
    LoopReport loop = r.loop();
    List<Object> transitions = new ArrayList<>();
    for (FailsafeEvent e : history) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("t_s", e.timeNanos / 1e9);
      m.put("from", e.from.name());
      m.put("to", e.to.name());
      m.put("reason", e.reason.name());
      m.put("source", e.source);
      transitions.add(m);
    }
    Summary s = new Summary()
        .put("board", board.boardId())
        .put("law", board.law().name())
        .put("io", "hil")
        .put("session", session)
        .put("frames", r.frames())
        .put("duplicates", r.duplicates())
        .put("ended_by_simulator", r.ended())
        .put("gave_up", r.gaveUp())
        .put("stopped_by_signal", signalled)
        .put("link_losses", r.linkLosses())
        .put("final_state", loop.finalState().name())
        .put("trips", loop.trips())
        .put("transitions", transitions)
        .put("wall_s", r.wallSeconds())
        .line("board %s (law %s) on HIL session %s: %d frames answered (%d retransmissions answered from the cache)",
            board.boardId(), board.law().name(), session, r.frames(), r.duplicates())
        .line("  %s; link losses %d; failsafe %s (%d trips); wall %.2f s",
            r.ended() ? "the simulator ended the run" : r.gaveUp() ? "GAVE UP waiting for frames"
                : signalled ? "stopped by a signal" : "stopped", r.linkLosses(), loop.finalState(), loop.trips(), r.wallSeconds());
    for (FailsafeEvent e : history) {
      s.line("  %s", e.toString());
    }
    return s;
  }
}
