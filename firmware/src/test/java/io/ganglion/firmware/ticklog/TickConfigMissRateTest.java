package io.ganglion.firmware.ticklog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.runtime.LoopScheduler;
import io.ganglion.firmware.runtime.OverrunPolicy;
import io.ganglion.firmware.runtime.VirtualClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The miss-rate rule's settings go into the tick log, so a replay trips (or not) as the run did. */
class TickConfigMissRateTest {

  private static Path boardFile() {
    return Path.of(TickReplayTest.boardFile());
  }

  private static String record(FirmwareSettings settings) {
    BoardConfig board = BoardConfigLoader.load(boardFile());
    LoopScheduler scheduler = new LoopScheduler(new VirtualClock(), OverrunPolicy.SKIP, settings.missWindowReleases());
    return TickConfig.of(board, settings, scheduler, List.of(), "test", "mock");
  }

  @Test
  void theRunsMissWindowAndLimitAreReplayed() {
    FirmwareSettings s = FirmwareSettings.from(BoardConfigLoader.load(boardFile()));
    FirmwareSettings custom = new FirmwareSettings(s.servoPeriodNanos(), s.encodersPeriodNanos(), s.imuPeriodNanos(),
        s.controllerPeriodNanos(), s.telemetryPeriodNanos(), s.overrun(), s.maxConsecutiveMisses(),
        s.sensorFailureReads(), s.maxInputAgeNanos(), s.autoArm(), 250, 7);
    FirmwareSettings replayed = TickConfig.parse(record(custom).getBytes(StandardCharsets.UTF_8)).settings();
    assertEquals(custom, replayed);
  }

  @Test
  void aLogFromBeforeTheRuleReplaysWithoutIt() throws Exception {
    FirmwareSettings s = FirmwareSettings.from(BoardConfigLoader.load(boardFile()));
    ObjectNode json = (ObjectNode) new ObjectMapper().readTree(record(s));
    ObjectNode settings = (ObjectNode) json.get("settings");
    settings.remove("miss_window");
    settings.remove("max_window_misses");
    FirmwareSettings replayed = TickConfig.parse(json.toString().getBytes(StandardCharsets.UTF_8)).settings();
    assertEquals(0, replayed.maxWindowMisses(), "that firmware had no miss-rate rule");
    assertEquals(s.maxConsecutiveMisses(), replayed.maxConsecutiveMisses());
  }
}
