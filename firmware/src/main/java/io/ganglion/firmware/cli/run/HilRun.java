package io.ganglion.firmware.cli.run;

import io.ganglion.drivers.InvalidInputException;
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
    if (linkTimeoutMs < 1 || giveUpS < 0) {
      throw new InvalidInputException("--link-timeout-ms must be >= 1 and --give-up-s >= 0");
    }
    MqttSettings mqtt = MqttSettings.resolve(broker, "ganglion-" + board.boardId() + "-hil", null, null, null, System.getenv());
    LoggingEventSink events = new LoggingEventSink(System.err, "ganglion: ", true);
    try (HilBoard hil = HilBoard.open(board, mqtt, new HilBoard.Options(session, TimeUnit.MILLISECONDS.toNanos(linkTimeoutMs),
        autoArm, Math.round(giveUpS * 1e9)), events, VersionProvider.version())) {
      Thread hook = new Thread(hil::requestStop, "ganglion-hil-stop");
      Runtime.getRuntime().addShutdownHook(hook);
      System.err.println("ganglion: board " + board.boardId() + " on HIL session " + session + " via " + broker
          + " (law " + board.law().name() + ", link timeout " + linkTimeoutMs + " ms); waiting for the simulator");
      System.err.flush();
      HilBoard.Result r = hil.run(System.err);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the JVM exits after printing
      }
      events.flush();
      summary(board, session, r, events.history()).print(System.out, json);
      events.close();
      return 0;
    }
  }

  private static Summary summary(BoardConfig board, String session, HilBoard.Result r, List<FailsafeEvent> history) {
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
        .put("link_losses", r.linkLosses())
        .put("final_state", loop.finalState().name())
        .put("trips", loop.trips())
        .put("transitions", transitions)
        .put("wall_s", r.wallSeconds())
        .line("board %s (law %s) on HIL session %s: %d frames answered (%d retransmissions answered from the cache)",
            board.boardId(), board.law().name(), session, r.frames(), r.duplicates())
        .line("  %s; link losses %d; failsafe %s (%d trips); wall %.2f s",
            r.ended() ? "the simulator ended the run" : "stopped", r.linkLosses(), loop.finalState(), loop.trips(), r.wallSeconds());
    for (FailsafeEvent e : history) {
      s.line("  %s", e.toString());
    }
    return s;
  }
}
