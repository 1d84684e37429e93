package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.drivers.fake.FakeAs5600;
import io.ganglion.drivers.fake.FakeGpioPin;
import io.ganglion.drivers.fake.FakePca9685;
import io.ganglion.drivers.servo.Pca9685Registers;
import io.ganglion.firmware.config.BoardConfig;
import io.ganglion.firmware.config.BoardConfigLoader;
import io.ganglion.firmware.core.ActuatorLimits;
import io.ganglion.firmware.core.Firmware;
import io.ganglion.firmware.core.FirmwareSettings;
import io.ganglion.firmware.failsafe.ArmState;
import io.ganglion.firmware.law.ControlLaws;
import io.ganglion.firmware.runtime.PeriodicTask;
import io.ganglion.firmware.runtime.RealTimeClock;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Failsafe reaction time in wall time on the mock swimmer board (real-time loop, 1 kHz servo task):
 * a probe task after the firmware's tasks injects a fault (e-stop pressed, or a bus error on the
 * AS5600 of joint j2) and, every tick, reads the fake PCA9685's registers; the reaction is
 * {@code System.nanoTime()} from the injection to the first tick whose registers hold the safe pulse
 * widths. Then it clears the fault, waits for the e-stop's release debounce, re-arms and repeats.
 * Prints the distribution (surefire's output file); asserts only that every trial reached safety (no
 * timing assertions in unit tests: the machine is shared).
 */
class FailsafeReactionRealTimeTest {

  private static final int TRIALS = 15;

  private static final class Probe implements PeriodicTask {
    final Firmware[] fw = new Firmware[1];
    final FakePca9685 pwm;
    final Runnable inject;
    final Runnable clear;
    final int safeCounts;
    final long[] micros = new long[TRIALS];
    final long[] ticks = new long[TRIALS];
    int trial;
    long injectedAt;
    long tick;
    long injectedTick;
    long quietUntilTick = 200;
    boolean injected;

    Probe(FakePca9685 pwm, int safeCounts, Runnable inject, Runnable clear) {
      this.pwm = pwm;
      this.safeCounts = safeCounts;
      this.inject = inject;
      this.clear = clear;
    }

    boolean safe() {
      for (int ch = 0; ch < 5; ch++) {
        if (pwm.offCount(ch) != safeCounts || pwm.fullOffBit(ch)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public void run(long nowNanos) {
      tick++;
      if (trial >= TRIALS) {
        fw[0].requestStop();
        return;
      }
      if (!injected) {
        if (tick >= quietUntilTick && fw[0].failsafe().state() == ArmState.ARMED && !safe()) {
          inject.run();
          injectedAt = System.nanoTime();
          injectedTick = tick;
          injected = true;
        } else if (tick >= quietUntilTick && fw[0].failsafe().state() == ArmState.FAILSAFE) {
          fw[0].requests().requestRearm();
        }
        return;
      }
      if (safe()) {
        micros[trial] = (System.nanoTime() - injectedAt) / 1000;
        ticks[trial] = tick - injectedTick;
        trial++;
        injected = false;
        clear.run();
        quietUntilTick = tick + 150;  // e-stop release debounce (50 ms) and some swimming
      }
    }
  }

  private static Probe measure(boolean estop) throws Exception {
    BoardConfig config = BoardConfigLoader.load(Path.of("examples/swimmer6.yaml"));
    RealTimeClock clock = new RealTimeClock(config.loop().spinNanos());
    MockBoard mock = MockBoard.create(config, clock, 1);
    FakeGpioPin pin = mock.fakes().fake("estop", FakeGpioPin.class);
    FakeAs5600 enc = mock.fakes().fake("j2", FakeAs5600.class);
    int safe = Pca9685Registers.countsFor(config.joints().get(0).pulseUs(0.0), config.pwm().prescale(),
        config.pwm().oscillatorHz());
    Probe probe = estop
        ? new Probe(mock.fakes().fake("pca9685", FakePca9685.class), safe, () -> pin.drive(true), () -> pin.drive(false))
        : new Probe(mock.fakes().fake("pca9685", FakePca9685.class), safe, () -> enc.setBusError(true),
            () -> enc.setBusError(false));
    // generous miss threshold: this measures the reaction to the injected fault, not the machine's noise
    FirmwareSettings s = FirmwareSettings.from(config);
    FirmwareSettings lenient = new FirmwareSettings(s.servoPeriodNanos(), s.encodersPeriodNanos(), s.imuPeriodNanos(),
        s.controllerPeriodNanos(), s.telemetryPeriodNanos(), s.overrun(), 1_000_000, s.sensorFailureReads(),
        s.maxInputAgeNanos(), true, s.missWindowReleases(), 0);
    Firmware fw = Firmware.builder(clock, mock.io(), ControlLaws.create(config.law()), lenient)
        .limits(ActuatorLimits.of(config.joints()))
        .task(mock.world().name(), mock.world().periodNanos(), 0, mock.world())
        .task("probe", 1_000_000L, 0, probe)
        .build();
    probe.fw[0] = fw;
    Thread t = fw.start(30_000_000_000L);
    t.join();
    mock.io().close();
    return probe;
  }

  private static void print(String what, Probe p) {
    long[] us = p.micros.clone();
    Arrays.sort(us);
    System.out.printf("%s -> safe PCA9685 registers, %d trials: ticks %s; microseconds min %d, median %d, max %d%n",
        what, TRIALS, Arrays.toString(p.ticks), us[0], us[TRIALS / 2], us[TRIALS - 1]);
  }

  @Test
  void eStopAndBusFaultReactionInWallTime() throws Exception {
    Probe estop = measure(true);
    print("e-stop", estop);
    assertEquals(TRIALS, estop.trial, "every injected e-stop led to safe outputs");
    Probe bus = measure(false);
    print("AS5600 bus fault", bus);
    assertEquals(TRIALS, bus.trial, "every injected bus fault led to safe outputs");
  }
}
