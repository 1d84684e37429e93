package io.ganglion.drivers.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import io.ganglion.drivers.adc.AdcIOPi4j;
import io.ganglion.drivers.adc.AdcInputs;
import io.ganglion.drivers.adc.Ads1115ChannelConfig;
import io.ganglion.drivers.adc.Ads1115Config;
import io.ganglion.drivers.adc.Ads1115Input;
import io.ganglion.drivers.encoder.As5600Config;
import io.ganglion.drivers.encoder.EncoderIOPi4j;
import io.ganglion.drivers.encoder.EncoderInputs;
import io.ganglion.drivers.gpio.EStopConfig;
import io.ganglion.drivers.gpio.EStopIOPi4j;
import io.ganglion.drivers.gpio.EStopInputs;
import io.ganglion.drivers.gpio.LedPattern;
import io.ganglion.drivers.gpio.StatusLedConfig;
import io.ganglion.drivers.gpio.StatusLedIOPi4j;
import io.ganglion.drivers.i2c.I2cMuxChannel;
import io.ganglion.drivers.imu.ImuIOPi4j;
import io.ganglion.drivers.imu.ImuInputs;
import io.ganglion.drivers.imu.Mpu6050Config;
import io.ganglion.drivers.servo.Pca9685Config;
import io.ganglion.drivers.servo.ServoChannelConfig;
import io.ganglion.drivers.servo.ServoIOPi4j;
import io.ganglion.drivers.servo.ServoInputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole robot's device set runs on fakes built from the same configs as on the board. */
class FakeBoardsTest {

  @Test
  void everyDriverRunsOnTheBoardBuiltFromItsConfigs() {
    ManualNanoClock clock = new ManualNanoClock(0);
    Pca9685Config servos = new Pca9685Config("servos", 1, 0x40, 50, List.of(
        ServoChannelConfig.angle("j0", 0, 500, 2500, 1, -1.57, 1.57, -1, 1, 0),
        ServoChannelConfig.angle("j1", 1, 500, 2500, -1, -1.57, 1.57, -1, 1, 0)));
    As5600Config e0 = As5600Config.behindMux("e0", 1, new I2cMuxChannel(0x70, 0), 0, 1);
    As5600Config e1 = As5600Config.behindMux("e1", 1, new I2cMuxChannel(0x70, 1), 0, 1);
    Mpu6050Config imu = Mpu6050Config.defaults("imu", 1);
    Ads1115Config adc = new Ads1115Config("adc", 1, 0x48, 860, true,
        List.of(new Ads1115ChannelConfig("battery", Ads1115Input.AIN0, 4.096, 11)));
    EStopConfig stop = EStopConfig.normallyClosedToGround("stop", 17);
    StatusLedConfig led = new StatusLedConfig("status", 27, true);
    try (FakeBoard board = FakeBoards.forDevices(clock, List.of(servos, e0, e1, imu, adc, stop, led))) {
      board.fake("e1", FakeAs5600.class).setAngleRad(0.25);
      board.fake("adc", FakeAds1115.class).setInputVoltage(0, 1.1);

      ServoIOPi4j s = new ServoIOPi4j(board.context(), servos, clock);
      EncoderIOPi4j enc1 = new EncoderIOPi4j(board.context(), e1, clock);
      new EncoderIOPi4j(board.context(), e0, clock);
      ImuIOPi4j i = new ImuIOPi4j(board.context(), imu, clock);
      AdcIOPi4j a = new AdcIOPi4j(board.context(), adc, clock);
      EStopIOPi4j es = new EStopIOPi4j(board.context(), stop, clock);
      StatusLedIOPi4j l = new StatusLedIOPi4j(board.context(), led);

      ServoInputs si = new ServoInputs(2);
      EncoderInputs ei = new EncoderInputs();
      ImuInputs ii = new ImuInputs();
      AdcInputs ai = new AdcInputs(1);
      EStopInputs esi = new EStopInputs();
      l.setPattern(LedPattern.ON);
      for (int tick = 0; tick < 60; tick++) {
        clock.advance(1_000_000L);
        s.apply(new double[] {0.5, 0.5});
        s.updateInputs(si);
        enc1.updateInputs(ei);
        i.updateInputs(ii);
        a.updateInputs(ai);
        es.updateInputs(esi);
        l.apply(clock.nanoTime());
      }
      assertEquals(0, si.faultFlags);
      assertEquals(1500 + 0.5 / 3.14 * 2000, board.fake("servos", FakePca9685.class).pulseWidthUs(0), 3);
      assertEquals(1500 - 0.5 / 3.14 * 2000, board.fake("servos", FakePca9685.class).pulseWidthUs(1), 3);
      assertEquals(0.25, ei.angleRad, 2e-3);
      assertTrue(ii.valid);
      assertEquals(12.1, ai.volts[0], 0.01);
      assertFalse(esi.pressed, "the e-stop pin starts released so a mock run can arm");
      assertTrue(board.fake("status", FakeGpioPin.class).outputHigh());
      assertNotNull(board.i2c().directDevice(1, 0x70), "the mux was created once for both encoders");
    }
  }

  @Test
  void unknownConfigTypeIsRefused() {
    assertThrows(InvalidInputException.class, () -> FakeBoards.forDevices(new ManualNanoClock(0), List.of("x")));
  }
}
