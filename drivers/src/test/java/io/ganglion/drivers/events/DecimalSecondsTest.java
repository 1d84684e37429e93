package io.ganglion.drivers.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DecimalSecondsTest {

  private static long us(String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    return DecimalSeconds.parseMicros(b, 0, b.length);
  }

  @Test
  void parsesDecimalSecondsToMicrosecondsRoundingHalfUp() {
    assertEquals(0, us("0"));
    assertEquals(3811, us("0.003811000"));
    assertEquals(3820, us("0.003820001"));
    assertEquals(3821, us("0.0038205"));
    assertEquals(1_069_068, us("1.069068"));
    assertEquals(12_000_000, us("12"));
    assertEquals(1_500, us("1.5e-3"));
    assertEquals(2_000_000, us("2E+0"));
    assertEquals(0, us("4e-7"));
    assertEquals(1, us("5e-7"));
    assertEquals(123_456_789_012L, us("123456.7890123456789012"));
  }

  @Test
  void reportsMalformedNegativeAndOverflowingValues() {
    assertEquals(DecimalSeconds.NOT_A_NUMBER, us(""));
    assertEquals(DecimalSeconds.NOT_A_NUMBER, us("."));
    assertEquals(DecimalSeconds.NOT_A_NUMBER, us("1.2.3"));
    assertEquals(DecimalSeconds.NOT_A_NUMBER, us("1e"));
    assertEquals(DecimalSeconds.NOT_A_NUMBER, us("abc"));
    assertEquals(DecimalSeconds.NEGATIVE, us("-1"));
    assertEquals(DecimalSeconds.TOO_LARGE, us("1e20"));
  }

  @Test
  void formatsMicrosecondsWithSixDecimalsThatParseBack() {
    byte[] out = new byte[32];
    for (long t : new long[] {0, 1, 999_999, 1_000_000, 3_820, 123_456_789_012L}) {
      int end = DecimalSeconds.formatMicros(t, out, 0);
      assertEquals(t, DecimalSeconds.parseMicros(out, 0, end));
    }
    int end = DecimalSeconds.formatMicros(1_000_042, out, 0);
    assertEquals("1.000042", new String(out, 0, end, StandardCharsets.US_ASCII));
  }
}
