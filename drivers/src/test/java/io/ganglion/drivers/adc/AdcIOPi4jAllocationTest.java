package io.ganglion.drivers.adc;

import io.ganglion.drivers.fake.FakeAds1115;
import io.ganglion.drivers.fake.FakeBoard;
import io.ganglion.drivers.fake.ManualNanoClock;
import io.ganglion.drivers.SteadyState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** updateInputs allocates nothing in steady state (scan with collections and restarts). */
class AdcIOPi4jAllocationTest {

  @Test
  void singleShotScanAllocatesNothing() {
    ManualNanoClock clock = new ManualNanoClock(0);
    try (FakeBoard board = new FakeBoard(clock)) {
      FakeAds1115 chip = board.addAds1115(1, 0x49);
      AdcIOPi4j io = new AdcIOPi4j(board.context(), new Ads1115Config("adc", 1, 0x49, 860, false, List.of(
          Ads1115ChannelConfig.of("a", Ads1115Input.AIN0, 4.096),
          Ads1115ChannelConfig.of("b", Ads1115Input.AIN1_AIN3, 0.512))), clock);
      AdcInputs in = new AdcInputs(2);
      chip.setInputVoltage(0, 1.0);
      SteadyState.assertAllocationFree("ADS1115 updateInputs", () -> {
        clock.advance(500_000L); // a 2 kHz loop: every other call collects
        io.updateInputs(in);
      });
    }
  }
}
