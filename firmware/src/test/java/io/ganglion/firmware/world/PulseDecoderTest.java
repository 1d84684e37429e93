package io.ganglion.firmware.world;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.drivers.servo.Pca9685Registers;
import io.ganglion.drivers.servo.ServoChannelConfig;
import org.junit.jupiter.api.Test;

class PulseDecoderTest {

  @Test
  void decodingInvertsTheChannelMappingToWithinOneCount() {
    int prescale = Pca9685Registers.prescaleFor(50, Pca9685Registers.INTERNAL_OSCILLATOR_HZ);
    double countUs = Pca9685Registers.countDurationUs(prescale, Pca9685Registers.INTERNAL_OSCILLATOR_HZ);
    for (int direction : new int[] {1, -1}) {
      ServoChannelConfig c = ServoChannelConfig.normalized("j", 0, 1000, 2000, direction, 0);
      for (double cmd = -1; cmd <= 1; cmd += 0.125) {
        int counts = Pca9685Registers.countsFor(c.pulseUs(c.clamp(cmd)), prescale, Pca9685Registers.INTERNAL_OSCILLATOR_HZ);
        double decoded = PulseDecoder.command(counts * countUs, c);
        // one count is 4.88 us of a 1000 us range over a command span of 2
        assertEquals(cmd, decoded, 2 * countUs / 1000, "direction " + direction + ", command " + cmd);
        if (cmd == 0) {
          assertEquals(0.0, decoded, "the quantised neutral (1498.2 us) is inside the deadband");
        }
      }
    }
  }

  @Test
  void pulsesJustOutsideTheDeadbandDrive() {
    ServoChannelConfig c = ServoChannelConfig.normalized("j", 0, 1000, 2000, 1, 0);
    assertEquals(0.0, PulseDecoder.command(1505.0, c));
    assertEquals(0.012, PulseDecoder.command(1506.0, c), 1e-12);
    assertEquals(-0.012, PulseDecoder.command(1494.0, c), 1e-12);
  }

  @Test
  void noPulseMeansNoDrive() {
    ServoChannelConfig c = ServoChannelConfig.normalized("j", 0, 1000, 2000, 1, 0.5);
    assertEquals(0.0, PulseDecoder.command(0.0, c));
    assertEquals(1.0, PulseDecoder.command(2600.0, c), "beyond the range: clamped");
  }
}
