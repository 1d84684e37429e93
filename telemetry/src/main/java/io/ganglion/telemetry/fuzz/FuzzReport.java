package io.ganglion.telemetry.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fuzz run sent and what the receivers made of it, per topic kind.
 *
 * @param seed the generator seed
 * @param messages messages sent
 * @param seconds wall time of the run
 * @param targets per topic kind: sent, expected and actual outcomes
 * @param callbackErrors exceptions that reached a subscription handler (must be 0)
 * @param internalErrors receiver or publisher failures counted as internal errors (must be 0)
 * @param complete false when not every message was seen before the timeout
 */
public record FuzzReport(long seed, long messages, double seconds, List<TargetStats> targets, long callbackErrors,
    long internalErrors, boolean complete) {

  /**
   * One topic kind.
   *
   * @param kind {@code status}, {@code telemetry}, {@code events}, {@code cmd} or {@code other}
   * @param sent messages sent
   * @param valid well-formed messages among them
   * @param expectedRejects malformed messages by the reason they must be rejected for
   * @param received messages the receiver handled (the monitor; for {@code cmd}, the board's verifier)
   * @param decoded messages it accepted
   * @param rejects its rejections by reason
   */
  public record TargetStats(String kind, long sent, long valid, Map<String, Long> expectedRejects, long received,
      long decoded, Map<String, Long> rejects) {

    /** Malformed messages sent. */
    public long malformed() {
      return sent - valid;
    }

    /** Rejections counted. */
    public long rejected() {
      return rejects.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Everything arrived, every valid message decoded, and the rejections match reason by reason. */
    public boolean matches() {
      return received == sent && decoded == valid && rejects.equals(expectedRejects);
    }
  }

  /** Every kind matches, nothing threw, nothing is missing. */
  public boolean passed() {
    return complete && callbackErrors == 0 && internalErrors == 0 && targets.stream().allMatch(TargetStats::matches);
  }

  /** A JSON-ready tree. */
  public Map<String, Object> toJsonMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seed", seed);
    m.put("messages", messages);
    m.put("seconds", seconds);
    m.put("messages_per_s", messages / Math.max(1e-9, seconds));
    m.put("passed", passed());
    m.put("complete", complete);
    m.put("callback_errors", callbackErrors);
    m.put("internal_errors", internalErrors);
    Map<String, Object> t = new LinkedHashMap<>();
    for (TargetStats s : targets) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("sent", s.sent());
      x.put("valid", s.valid());
      x.put("malformed", s.malformed());
      x.put("received", s.received());
      x.put("decoded", s.decoded());
      x.put("rejected", s.rejected());
      x.put("matches", s.matches());
      x.put("expected_rejects", s.expectedRejects());
      x.put("rejects", s.rejects());
      t.put(s.kind(), x);
    }
    m.put("targets", t);
    return m;
  }
}
