package io.ganglion.telemetry.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.command.CommandVerdict;
import io.ganglion.telemetry.command.CommandVerifier;
import io.ganglion.telemetry.monitor.MonitorState;
import io.ganglion.telemetry.protocol.Topics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a broker: every generated message gets exactly the verdict its generator promised. */
class MalformedPayloadRejectionTest {

  @Test
  void eachMalformedMessageIsRejectedForItsOwnReasonAndEachValidOneDecodes() {
    PayloadFuzzer fuzzer = new PayloadFuzzer(42, 0.3, FuzzRun.BOARD, FuzzRun.key(42), System::currentTimeMillis);
    CommandVerifier verifier = new CommandVerifier(FuzzRun.BOARD, FuzzRun.key(42), 30_000, 1 << 16, System::currentTimeMillis);
    for (int i = 0; i < 5_000; i++) {
      FuzzMessage m = fuzzer.next();
      String verdict;
      if (m.target() == FuzzMessage.Target.CMD) {
        CommandVerdict v = verifier.verify(m.topic(), m.payload(), false);
        verdict = v.accepted() ? null : v.rejection().key();
      } else {
        MonitorState one = new MonitorState();
        one.onMessage(m.topic(), m.payload(), 1, false);
        Map<String, Long> rejects = one.rejected().get(m.target().key());
        verdict = rejects.isEmpty() ? null : rejects.keySet().iterator().next();
        assertEquals(m.valid() ? 1 : 0, one.decoded().get(m.target().key()), "message " + i + " on " + m.topic());
      }
      assertEquals(m.expectedReason(), verdict, "message " + i + " on " + m.topic() + ": "
          + new String(m.payload(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void theMixCoversEveryTopicKindAndManyReasons() {
    FuzzReport r = FuzzRun.offline(new FuzzRun.Options(5_000, 7, 0.3, 1));
    assertTrue(r.passed(), r.toJsonMap().toString());
    long reasons = r.targets().stream().mapToLong(t -> t.expectedRejects().size()).sum();
    assertTrue(reasons >= 25, "distinct (kind, reason) pairs: " + reasons);
    for (FuzzReport.TargetStats t : r.targets()) {
      assertTrue(t.sent() > 200, t.kind() + " got " + t.sent());
      if (!t.kind().equals("other")) {
        assertTrue(t.valid() > 50, t.kind() + " valid " + t.valid());
      }
    }
    assertTrue(Topics.parse("robots/" + FuzzRun.BOARD + "/cmd/arm") != null);
  }

  @Test
  void theSameSeedGivesTheSameMessages() {
    PayloadFuzzer a = new PayloadFuzzer(3, 0.3, FuzzRun.BOARD, FuzzRun.key(3), () -> 1_700_000_000_000L);
    PayloadFuzzer b = new PayloadFuzzer(3, 0.3, FuzzRun.BOARD, FuzzRun.key(3), () -> 1_700_000_000_000L);
    for (int i = 0; i < 500; i++) {
      FuzzMessage x = a.next();
      FuzzMessage y = b.next();
      assertEquals(x.topic(), y.topic());
      assertTrue(java.util.Arrays.equals(x.payload(), y.payload()), "message " + i);
      assertEquals(x.expectedReason(), y.expectedReason());
    }
  }
}
