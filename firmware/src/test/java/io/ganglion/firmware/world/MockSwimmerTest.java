package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.controllers.ncap.NcapConfig;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.core.ActuatorLimits;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.law.ControlLaws;
import io.ganglion.firmware.law.NcapLaw;
import io.ganglion.firmware.runtime.VirtualClock;
import io.ganglion.sim.swimmer.SwimmerModel;
import io.ganglion.sim.swimmer.SwimmerRunResult;
import io.ganglion.sim.swimmer.SwimmerState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The whole swimmer firmware on chip fakes coupled to the physics, in virtual time: it swims. */
class MockSwimmerTest {

  static Firmware build(BoardConfig config, MockBoard mock, VirtualClock clock) {
    return Firmware.builder(clock, mock.io(), ControlLaws.create(config.law()), FirmwareSettings.from(config))
        .limits(ActuatorLimits.of(config.joints()))
        .task(mock.world().name(), mock.world().periodNanos(), 0, mock.world())
        .build();
  }

  @Test
  void theMockSwimmerSwimsLikeTheSimulatedOne() {
    BoardConfig config = BoardConfigLoader.load(Path.of("examples/swimmer6.yaml"));
    VirtualClock clock = new VirtualClock();
    MockBoard mock = MockBoard.create(config, clock, 1);
    Firmware fw = build(config, mock, clock);
    fw.run(15_000_000_000L);
    fw.shutdownOutputs();
    double mockDistance = (Double) mock.world().summary().get("nose_distance_m");
    mock.io().close();
    assertEquals(ArmState.DISARMED, fw.failsafe().state());
    assertEquals(0, fw.failsafe().trips(), "no fault in 15 s");
    // the same swimmer and law without chips (exact sensors and actuators), 15 s = 500 control steps
    SwimmerRunResult pure = new SwimmerSimulation(new SwimmerState(SwimmerModel.dmControl(6)),
        new NcapLaw(NcapConfig.defaults(5))).run(500);
    assertTrue(mockDistance > 0.5, "the mock swimmer moved " + mockDistance + " m");
    // 12-bit encoders, 4.9 us PWM counts, the 4 ms encoder period and the ~50 ms arming delay make it differ a little
    assertEquals(pure.distanceM(), mockDistance, 0.25 * pure.distanceM(),
        "mock " + mockDistance + " m vs simulation " + pure.distanceM() + " m");
  }
}
