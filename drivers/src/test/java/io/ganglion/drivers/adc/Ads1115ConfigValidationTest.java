package io.ganglion.drivers.adc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ganglion.drivers.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad ADC configs are refused with one clear line. */
class Ads1115ConfigValidationTest {

  private static final Ads1115ChannelConfig A = Ads1115ChannelConfig.of("a", Ads1115Input.AIN0, 4.096);
  private static final Ads1115ChannelConfig B = Ads1115ChannelConfig.of("b", Ads1115Input.AIN1, 4.096);

  private static String message(Runnable r) {
    return assertThrows(InvalidInputException.class, r::run).getMessage();
  }

  @Test
  void gainMustBeAPgaSetting() {
    assertTrue(message(() -> Ads1115ChannelConfig.of("a", Ads1115Input.AIN0, 5.0)).contains("fullScaleV"));
  }

  @Test
  void dataRateMustBeAChipSetting() {
    assertTrue(message(() -> new Ads1115Config("adc", 1, 0x48, 100, false, List.of(A))).contains("dataRateSps"));
  }

  @Test
  void continuousModeTakesExactlyOneChannel() {
    assertTrue(message(() -> new Ads1115Config("adc", 1, 0x48, 128, true, List.of(A, B))).contains("continuous"));
  }

  @Test
  void addressMustBeOneOfTheFourAddrStraps() {
    assertTrue(message(() -> new Ads1115Config("adc", 1, 0x4C, 128, false, List.of(A))).contains("0x4C"));
  }

  @Test
  void zeroScaleAndDuplicateNamesAreRefused() {
    assertTrue(message(() -> new Ads1115ChannelConfig("a", Ads1115Input.AIN0, 4.096, 0)).contains("scale"));
    assertTrue(message(() -> new Ads1115Config("adc", 1, 0x48, 128, false, List.of(A, A))).contains("twice"));
  }
}
