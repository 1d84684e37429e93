package io.ganglion.telemetry.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.testing.TestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A paced replay keeps the spacing between consecutive records even when a receive time goes back
 * (a log appended to after the clock was set back). It used to schedule every record relative to
 * the first one: everything after a backward step was published at once, and with a small --speed
 * the step overflowed the schedule and the replay waited forever.
 */
class ReplayPacingTest {

  static final long T_US = 1_700_000_000_000_000L;

  static TestBroker broker;

  @TempDir
  Path dir;

  @BeforeAll
  static void startBroker() {
    broker = TestBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private Path log(String name, long... receiveTimesUs) {
    Path log = dir.resolve(name);
    try (TelemetryLogWriter w = TelemetryLogWriter.open(log, FlushPolicy.defaults())) {
      for (long t : receiveTimesUs) {
        w.append(t, "robots/pace-b1/events", 0, false, "{}".getBytes(StandardCharsets.UTF_8));
      }
    }
    return log;
  }

  private static TelemetryReplayer.Report replay(Path log, double speed) {
    return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> TelemetryReplayer.replay(log,
        MqttSettings.of(broker.url(), "pace-replayer"), new TelemetryReplayer.Options(speed, false)));
  }

  @Test
  void recordsAfterAClockStepBackKeepTheirSpacing() {
    // a first session's record, then a session recorded an hour "earlier": 3 records 300 ms apart
    Path log = log("back.glog", T_US, T_US - 3_600_000_000L, T_US - 3_600_000_000L + 300_000, T_US - 3_600_000_000L + 600_000);
    TelemetryReplayer.Report r = replay(log, 1.0);
    assertEquals(4, r.published());
    assertTrue(r.elapsedMillis() >= 580, "the 600 ms after the step are replayed in real time, took " + r.elapsedMillis() + " ms");
  }

  @Test
  void aBackwardStepAtATinySpeedIsPublishedAtOnceNotNever() {
    Path log = log("back-slow.glog", T_US, T_US - 10_000_000L);
    TelemetryReplayer.Report r = replay(log, 1e-12);
    assertEquals(2, r.published());
  }

  @Test
  void forwardSpacingIsDividedBySpeed() {
    Path log = log("fwd.glog", T_US, T_US + 400_000, T_US + 800_000);
    TelemetryReplayer.Report r = replay(log, 2.0);
    assertEquals(3, r.published());
    assertTrue(r.elapsedMillis() >= 390, "800 ms at speed 2 take 400 ms, took " + r.elapsedMillis() + " ms");
  }
}
