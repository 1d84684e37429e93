package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.testkit.AllocationMeter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The swimmer board's whole tick (Pi4J drivers on the chip fakes, NCAP, failsafe, telemetry task,
 * the coupled physics) allocates nothing once warm. The status LED is left out: each LED change
 * allocates 72 B inside Pi4J ({@code DigitalOutputBase.state}, docs/drivers.md), which the run's
 * own report counts.
 */
class MockFirmwareAllocationTest {

  @Test
  void theMockSwimmerBoardTickAllocatesNothing(@TempDir Path dir) throws Exception {
    String yaml = Files.readString(Path.of("examples/swimmer6.yaml"));
    String noLed = yaml.substring(0, yaml.indexOf("\nstatus_led:") + 1) + yaml.substring(yaml.indexOf("\ntelemetry:") + 1);
    Files.copy(Path.of("examples/ncap6.yaml"), dir.resolve("ncap6.yaml"));
    Path file = dir.resolve("board.yaml");
    Files.writeString(file, noLed);
    BoardConfig config = BoardConfigLoader.load(file);
    VirtualClock clock = new VirtualClock();
    MockBoard mock = MockBoard.create(config, clock, 1);
    Firmware fw = MockSwimmerTest.build(config, mock, clock);
    fw.run(100_000_000L);
    assertEquals(ArmState.ARMED, fw.failsafe().state());
    // each run: 10 ms = 10 servo ticks, ~3 encoder rounds of 5 chips behind the mux, 2 IMU reads, 5 physics steps
    AllocationMeter.assertAllocationFree("mock swimmer board tick", 6_000, 1_000, () -> fw.run(10_000_000L));
    mock.io().close();
  }
}
