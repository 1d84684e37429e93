package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.fake.FakeAs5600;
import io.ganglion.drivers.fake.FakeGpioPin;
import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.drivers.servo.Pca9685Registers;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.failsafe.FailsafeReason;
import io.ganglion.firmware.runtime.VirtualClock;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Failsafe reaction time on the mock swimmer board in virtual time, from the fault to the fake
 * PCA9685's registers holding the safe pulse widths, counted in servo ticks (1 ms). Deterministic:
 * the counts are asserted. docs/firmware.md quotes them; {@link FailsafeReactionRealTimeTest}
 * measures the same in wall time.
 */
class FailsafeReactionTimeTest {

  private static final long MS = 1_000_000L;

  private final BoardConfig config = BoardConfigLoader.load(Path.of("examples/swimmer6.yaml"));
  private final VirtualClock clock = new VirtualClock();
  private final MockBoard mock = MockBoard.create(config, clock, 1);
  private final Firmware fw = MockSwimmerTest.build(config, mock, clock);
  private final FakePca9685 pwm = mock.fakes().fake("pca9685", FakePca9685.class);
  private final int safeCounts = Pca9685Registers.countsFor(config.joints().get(0).pulseUs(0.0),
      config.pwm().prescale(), config.pwm().oscillatorHz());

  private boolean safe() {
    for (int ch = 0; ch < 5; ch++) {
      if (pwm.offCount(ch) != safeCounts || pwm.fullOffBit(ch)) {
        return false;
      }
    }
    return true;
  }

  /** Servo ticks (1 ms runs) from now until the registers are safe. */
  private int ticksUntilSafe() {
    for (int ticks = 1; ticks <= 1000; ticks++) {
      fw.run(MS);
      if (safe()) {
        return ticks;
      }
    }
    throw new AssertionError("outputs never became safe");
  }

  private void armAndSwim() {
    fw.run(1_500 * MS + MS / 2);  // half a millisecond before the next servo tick
    assertEquals(ArmState.ARMED, fw.failsafe().state());
    assertTrue(!safe(), "swimming: the outputs are not at the safe values");
  }

  @Test
  void eStopToSafeOutputsTakesThePressDebounceOfThreeServoTicks() {
    armAndSwim();
    FakeGpioPin pin = mock.fakes().fake("estop", FakeGpioPin.class);
    pin.drive(true);  // the NC contact opens: pressed
    int ticks = ticksUntilSafe();
    System.out.printf("e-stop -> safe PCA9685 registers: %d servo ticks (%.1f ms of loop time after the press)%n",
        ticks, ticks - 0.5);
    assertEquals(config.estop().pressSamples(), ticks);
    assertEquals(ArmState.FAILSAFE, fw.failsafe().state());
    assertTrue((fw.failsafe().conditions() & FailsafeReason.ESTOP.bit()) != 0);
    mock.io().close();
  }

  @Test
  void anEncoderBusFaultToSafeOutputsTakesThreeFailedReads() {
    armAndSwim();
    mock.fakes().fake("j2", FakeAs5600.class).setBusError(true);
    int ticks = ticksUntilSafe();
    // encoder reads every 4 ms (at 0, 4, 8 ... ms); the fault is injected at 1500.5 ms: failed reads
    // at 1504, 1508, 1512 ms, the third trips the failsafe in that instant
    System.out.printf("AS5600 bus fault -> safe PCA9685 registers: %d servo ticks (%.1f ms of loop time)%n",
        ticks, ticks - 0.5);
    assertEquals(12, ticks);
    assertTrue((fw.failsafe().conditions() & FailsafeReason.SENSOR_FAILURE.bit()) != 0);
    mock.io().close();
  }
}
