package io.ganglion.firmware.cli.run;

import io.ganglion.firmware.cli.support.Summary;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.core.LoopReport;
import io.ganglion.firmware.failsafe.FailsafeEvent;
import io.ganglion.firmware.failsafe.FailsafeReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The exit report of {@code ganglion run}: loop statistics per task, failsafe transitions,
 * allocation per tick, the outputs left behind, and (mock) what the simulated robot did. JSON keys
 * are documented in docs/firmware.md.
 */
final class RunReport {

  private RunReport() {}

  static Summary of(RunSession session, RunSession.Result r) {
    BoardConfig c = session.config();
    LoopReport loop = r.loop();
    Summary s = new Summary();
    s.put("board", c.boardId());
    s.put("law", c.law().name());
    s.put("mock", session.options().mock());
    s.put("virtual_time", loop.virtualTime());
    s.put("loop_s", loop.loopSeconds());
    s.put("loop_thread_tid", session.firmware().loopThreadTid());
    s.line("board %s, law %s, %s board, %s: %.1f s of loop time", c.boardId(), c.law().name(),
        session.options().mock() ? "mock" : "real", loop.virtualTime() ? "virtual time" : "real time", loop.loopSeconds());
    s.line("%-11s %9s %9s  %-34s %-26s %s", "task", "rate", "runs", "start jitter p50/p99/p99.9/max us",
        "compute p50/p99/max us", "misses (skipped, max run, max in window)");
    List<Map<String, Object>> tasks = new ArrayList<>();
    for (LoopReport.TaskReport t : loop.tasks()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("name", t.name());
      m.put("rate_hz", t.rateHz());
      m.put("period_ns", t.periodNanos());
      m.put("runs", t.runs());
      m.put("jitter_us", ordered("p50", us(t.jitterP50Nanos()), "p99", us(t.jitterP99Nanos()),
          "p99_9", us(t.jitterP999Nanos()), "max", us(t.jitterMaxNanos())));
      m.put("compute_us", ordered("p50", us(t.computeP50Nanos()), "p99", us(t.computeP99Nanos()),
          "max", us(t.computeMaxNanos()), "mean", t.computeMeanNanos() / 1000.0));
      m.put("misses", t.misses());
      m.put("skipped", t.skipped());
      m.put("max_consecutive_misses", t.maxConsecutiveMisses());
      m.put("max_window_misses", t.maxWindowMisses());
      m.put("miss_window", t.missWindow());
      tasks.add(m);
      s.line("%-11s %9s %9d  %-34s %-26s %d (%d, %d, %d/%d)", t.name(), rate(t.rateHz()), t.runs(),
          String.format(Locale.ROOT, "%.1f / %.1f / %.1f / %.1f", us(t.jitterP50Nanos()), us(t.jitterP99Nanos()),
              us(t.jitterP999Nanos()), us(t.jitterMaxNanos())),
          String.format(Locale.ROOT, "%.1f / %.1f / %.1f", us(t.computeP50Nanos()), us(t.computeP99Nanos()),
              us(t.computeMaxNanos())),
          t.misses(), t.skipped(), t.maxConsecutiveMisses(), t.maxWindowMisses(), t.missWindow());
    }
    s.put("tasks", tasks);
    List<Map<String, Object>> events = new ArrayList<>();
    long origin = session.originNanos();
    for (FailsafeEvent e : r.events()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("t_s", (e.timeNanos - origin) / 1e9);
      m.put("from", e.from.name());
      m.put("to", e.to.name());
      m.put("reason", e.reason.name());
      m.put("source", e.source);
      m.put("conditions", FailsafeReason.describe(e.conditions));
      events.add(m);
    }
    Map<String, Object> failsafe = new LinkedHashMap<>();
    failsafe.put("final_state", loop.finalState().name());
    failsafe.put("transitions", loop.transitions());
    failsafe.put("trips", loop.trips());
    failsafe.put("refused_requests", loop.refusedRequests());
    failsafe.put("events", events);
    s.put("failsafe", failsafe);
    s.line("failsafe: %d transitions, %d trips, final state %s", loop.transitions(), loop.trips(), loop.finalState());
    for (FailsafeEvent e : r.events()) {
      s.line("  t=%.3f s %s", (e.timeNanos - origin) / 1e9, e);
    }
    Map<String, Object> alloc = new LinkedHashMap<>();
    alloc.put("bytes", loop.allocatedBytes());
    alloc.put("servo_ticks", loop.servoTicks());
    alloc.put("bytes_per_tick", nanToNull(loop.bytesPerTick()));
    alloc.put("warmup_s", loop.warmupSeconds());
    alloc.put("steady_bytes", loop.steadyAllocatedBytes());
    alloc.put("steady_servo_ticks", loop.steadyServoTicks());
    alloc.put("steady_bytes_per_tick", nanToNull(loop.steadyBytesPerTick()));
    s.put("allocation", alloc);
    s.line("allocation on the loop thread: %d B over %d servo ticks = %.2f B/tick; after the %.0f s warm-up: %s",
        loop.allocatedBytes(), loop.servoTicks(), loop.bytesPerTick(), loop.warmupSeconds(),
        Double.isNaN(loop.steadyBytesPerTick()) ? "n/a (run shorter than the warm-up)"
            : String.format(Locale.ROOT, "%d B over %d ticks = %.2f B/tick", loop.steadyAllocatedBytes(),
                loop.steadyServoTicks(), loop.steadyBytesPerTick()));
    s.put("law_steps", loop.lawSteps());
    s.put("clamped_commands", loop.clampedCommands());
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("safe_applied", r.safeApplied());
    if (r.unsafeReason() != null) {
      outputs.put("unsafe_reason", r.unsafeReason());
    }
    outputs.put("commands", r.commands());
    outputs.put("pulse_width_us", r.pulseWidthUs());
    if (r.registerPulseWidthUs() != null) {
      outputs.put("fake_pca9685_pulse_width_us", r.registerPulseWidthUs());
    }
    s.put("outputs", outputs);
    s.line("outputs at exit: %s; pulse widths %s us%s", r.safeApplied() ? "safe values"
        : "NOT SAFE (" + r.unsafeReason() + ")",
        fmt(r.pulseWidthUs()), r.registerPulseWidthUs() == null ? ""
            : " (fake PCA9685 registers: " + fmt(r.registerPulseWidthUs()) + " us)");
    if (r.telemetry() != null) {
      Map<String, Long> t = r.telemetry();
      s.put("telemetry", t);
      s.line("telemetry: published as robots/%s/ on %s: %d samples offered, %d sent, %d dropped (ring %d, not connected"
          + " %d, backpressure %d), %d events sent", c.boardId(), session.mqtt().publisher().serverUri(),
          t.get("samples_offered"), t.get("samples_sent"), t.get("ring_overflow") + t.get("not_connected")
              + t.get("backpressure") + t.get("publish_failed") + t.get("in_flight_lost"),
          t.get("ring_overflow"), t.get("not_connected"), t.get("backpressure"), t.get("events_sent"));
    }
    if (session.mock() != null) {
      s.put("world", session.mock().world().summary());
      s.line("%s", session.mock().world().describe());
    }
    if (r.closeProblem() != null) {
      s.put("close_problem", r.closeProblem());
      s.line("closing the drivers: %s", r.closeProblem());
    }
    return s;
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static double us(long nanos) {
    return nanos / 1000.0;
  }

  private static Object nanToNull(double v) {
    return Double.isNaN(v) ? null : v;
  }

  private static String rate(double hz) {
    return Math.abs(hz - Math.rint(hz)) < 1e-9 ? String.format(Locale.ROOT, "%.0f Hz", hz)
        : String.format(Locale.ROOT, "%.2f Hz", hz);
  }

  private static String fmt(double[] values) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", values[i]));
    }
    return b.append(']').toString();
  }
}
