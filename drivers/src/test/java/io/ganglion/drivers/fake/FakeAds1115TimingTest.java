package io.ganglion.drivers.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.io.i2c.I2C;
import org.junit.jupiter.api.Test;

/** The fake ADS1115's OS bit and Conversion register follow the data rate on the board's clock. */
class FakeAds1115TimingTest {

  @Test
  void singleShotConversionCompletesAfterOneOverDataRate() {
    ManualNanoClock clock = new ManualNanoClock(0);
    try (FakeBoard board = new FakeBoard(clock)) {
      FakeAds1115 adc = board.addAds1115(1, 0x48);
      adc.setInputVoltage(0, 1.0);
      I2C i2c = board.context().create(I2C.newConfigBuilder(board.context()).id("adc").bus(1).device(0x48).build());
      byte[] w = new byte[2];
      i2c.readRegister(0x01, w, 0, 2);
      assertEquals(0x8583, ((w[0] & 0xFF) << 8) | (w[1] & 0xFF), "power-on Config");
      // OS=1, AIN0/GND, +-2.048 V, single-shot, 128 SPS
      i2c.writeRegister(0x01, new byte[] {(byte) 0xC5, (byte) 0x83}, 0, 2);
      i2c.readRegister(0x01, w, 0, 2);
      assertEquals(0, w[0] & 0x80, "converting");
      clock.advance(1_000_000_000L / 128 - 1);
      i2c.readRegister(0x01, w, 0, 2);
      assertEquals(0, w[0] & 0x80);
      clock.advance(1);
      i2c.readRegister(0x01, w, 0, 2);
      assertEquals(0x80, w[0] & 0x80, "done after 1/128 s");
      i2c.readRegister(0x00, w, 0, 2);
      assertEquals(16000, ((w[0] & 0xFF) << 8) | (w[1] & 0xFF), "1.0 V / 2.048 V * 32768");
    }
  }
}
