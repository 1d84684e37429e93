package io.ganglion.sim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.gpio.EStopInputs;
import io.ganglion.drivers.gpio.LedPattern;
import io.ganglion.drivers.gpio.StatusLedInputs;
import io.ganglion.drivers.imu.ImuInputs;
import org.junit.jupiter.api.Test;

class ImuAndEStopSimTest {

  @Test
  void theImuReadsTheBodysYawRateAndSpecificForce() {
    SimBody body = new SimBody() {
      @Override
      public double yawRateRadPerSec() {
        return 0.75;
      }

      @Override
      public void specificForce(double[] dest) {
        dest[0] = 1.0;
        dest[1] = -0.5;
        dest[2] = 9.80665;
      }
    };
    ImuIOSim imu = new ImuIOSim(body, () -> 3L);
    ImuInputs in = new ImuInputs();
    imu.updateInputs(in);
    assertTrue(in.valid);
    assertEquals(0.75, in.gyroRadPerSec[2]);
    assertEquals(0.0, in.gyroRadPerSec[0]);
    assertEquals(-0.5, in.accelMps2[1]);
    assertEquals(8192, in.rawAccel[2], "+-4 g scale: 1 g is 8192 counts");
    assertEquals(0x68, in.whoAmI);
    imu.setFault(DeviceFaults.BUS_ERROR);
    imu.updateInputs(in);
    assertFalse(in.valid);
    assertEquals(DeviceFaults.BUS_ERROR, in.faultFlags);
  }

  @Test
  void theEStopIsReleasedUntilPressedAndPressedWhenUnreadable() {
    EStopIOSim estop = new EStopIOSim(() -> 0L);
    EStopInputs in = new EStopInputs();
    estop.updateInputs(in);
    assertFalse(in.pressed);
    estop.press();
    estop.updateInputs(in);
    assertTrue(in.pressed);
    assertEquals(1, in.pressCount);
    estop.release();
    estop.setUnreadable(true);
    estop.updateInputs(in);
    assertTrue(in.pressed);
    assertEquals(DeviceFaults.UNREADABLE, in.faultFlags);
  }

  @Test
  void theLedFollowsItsPattern() {
    StatusLedIOSim led = new StatusLedIOSim();
    led.setPattern(LedPattern.SLOW_BLINK);
    StatusLedInputs in = new StatusLedInputs();
    led.apply(0);
    led.updateInputs(in);
    assertTrue(in.on);
    led.apply(600_000_000L);
    led.updateInputs(in);
    assertFalse(in.on);
    assertEquals(2, in.writeCount);
  }
}
