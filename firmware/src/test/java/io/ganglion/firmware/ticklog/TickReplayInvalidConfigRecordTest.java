package io.ganglion.firmware.ticklog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.firmware.cli.CliRun;
import io.ganglion.telemetry.record.LogRecord;
import io.ganglion.telemetry.record.TelemetryLogReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tick log whose config record lacks a field or holds a value no firmware takes (another
 * version's log, a hand-made one) is an input error: exit 2 and one line naming the config
 * record, not "internal error: NullPointerException / IllegalArgumentException" with exit 1.
 */
class TickReplayInvalidConfigRecordTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ObjectNode config;

  @BeforeEach
  void recordARun() throws Exception {
    Path log = dir.resolve("run.glog");
    assertEquals(0, CliRun.of("run", "--config", TickReplayTest.boardFile(), "--mock", "--virtual-time", "--duration",
        "0.2", "--record", log.toString()).code);
    try (TelemetryLogReader r = new TelemetryLogReader(log)) {
      LogRecord first = r.next();
      config = (ObjectNode) JSON.readTree(first.payload());
    }
  }

  private void assertRefused(String what, Consumer<ObjectNode> change) {
    ObjectNode c = config.deepCopy();
    change.accept(c);
    Path log = dir.resolve(what + ".glog");
    byte[] json = c.toString().getBytes(StandardCharsets.UTF_8);
    try (TickLogWriter w = new TickLogWriter(log, 1 << 20)) {
      w.append(0, TickTopics.CONFIG.getBytes(StandardCharsets.UTF_8), json, json.length);
    }
    CliRun replay = CliRun.of("replay", log.toString());
    assertEquals(2, replay.code, what + ": " + replay.err);
    assertEquals(1, replay.err.strip().lines().count(), what + ": " + replay.err);
    assertTrue(replay.err.contains("config record"), what + ": " + replay.err);
    assertFalse(replay.err.contains("internal error"), what + ": " + replay.err);
  }

  @Test
  void missingSettingsAreAnInputError() {
    assertRefused("no-settings", c -> c.remove("settings"));
  }

  @Test
  void aMissingSettingIsAnInputError() {
    assertRefused("no-servo-period", c -> ((ObjectNode) c.get("settings")).remove("servo_period_ns"));
  }

  @Test
  void missingTasksAreAnInputError() {
    assertRefused("no-tasks", c -> c.remove("tasks"));
  }

  @Test
  void anUnknownOverrunPolicyIsAnInputError() {
    assertRefused("bogus-overrun", c -> ((ObjectNode) c.get("settings")).put("overrun", "BOGUS"));
  }

  @Test
  void aZeroServoPeriodIsAnInputError() {
    assertRefused("zero-period", c -> ((ObjectNode) c.get("settings")).put("servo_period_ns", 0));
  }

  @Test
  void anImuLayoutWithoutAnImuPeriodIsAnInputError() {
    assertRefused("imu-no-period", c -> ((ObjectNode) c.get("settings")).put("imu_period_ns", 0));
  }
}
