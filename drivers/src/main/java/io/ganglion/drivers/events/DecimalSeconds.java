package io.ganglion.drivers.events;

/**
 * Exact, allocation-free conversion between decimal seconds in ASCII ("0.003820001", "1.5e-3")
 * and integer microseconds, for the text format.
 */
final class DecimalSeconds {

  /** {@link #parseMicros} result: not a number. */
  static final long NOT_A_NUMBER = -1;
  /** {@link #parseMicros} result: negative. */
  static final long NEGATIVE = -2;
  /** {@link #parseMicros} result: too large for microseconds in a long. */
  static final long TOO_LARGE = -3;

  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private DecimalSeconds() {}

  /**
   * Parses {@code b[start..end)} as non-negative decimal seconds, digits[.digits][e[+-]digits], and
   * returns microseconds rounded half up: value = M * 10^E with M the (at most 18) significant
   * digits, so us = M * 10^(E + 6), divided with rounding when E + 6 &lt; 0. Returns a negative
   * code on error.
   */
  static long parseMicros(byte[] b, int start, int end) {
    int i = start;
    if (i < end && b[i] == '+') {
      i++;
    } else if (i < end && b[i] == '-') {
      return NEGATIVE;
    }
    long mant = 0;
    int sig = 0;
    int scale = 0;
    boolean dot = false;
    boolean anyDigit = false;
    for (; i < end; i++) {
      int c = b[i];
      if (c >= '0' && c <= '9') {
        anyDigit = true;
        if (mant == 0 && c == '0') {
          if (dot) {
            scale--;
          }
        } else if (sig < 18) {
          mant = mant * 10 + (c - '0');
          sig++;
          if (dot) {
            scale--;
          }
        } else if (!dot) {
          scale++;
        }
      } else if (c == '.' && !dot) {
        dot = true;
      } else if ((c == 'e' || c == 'E') && anyDigit) {
        int exp = parseExponent(b, i + 1, end);
        if (exp == Integer.MIN_VALUE) {
          return NOT_A_NUMBER;
        }
        scale += exp;
        i = end;
        break;
      } else {
        return NOT_A_NUMBER;
      }
    }
    if (!anyDigit) {
      return NOT_A_NUMBER;
    }
    if (mant == 0) {
      return 0;
    }
    int k = scale + 6;
    if (k >= 0) {
      if (k > 18 || mant > Long.MAX_VALUE / POW10[k]) {
        return TOO_LARGE;
      }
      return mant * POW10[k];
    }
    if (-k > 18) {
      return 0;
    }
    long div = POW10[-k];
    return (mant + div / 2) / div;
  }

  /**
   * us = mant * 10^(6 - fracDigits), rounded half up when fracDigits &gt; 6; {@link #TOO_LARGE} on
   * overflow. For {@code 0 <= mant < 10^18} and {@code 0 <= fracDigits <= 18}.
   */
  static long microsOf(long mant, int fracDigits) {
    if (fracDigits <= 6) {
      long scale = POW10[6 - fracDigits];
      return mant > Long.MAX_VALUE / scale ? TOO_LARGE : mant * scale;
    }
    long div = POW10[fracDigits - 6];
    return (mant + div / 2) / div;
  }

  private static int parseExponent(byte[] b, int start, int end) {
    int i = start;
    boolean neg = false;
    if (i < end && (b[i] == '+' || b[i] == '-')) {
      neg = b[i] == '-';
      i++;
    }
    if (i == end || end - i > 4) {
      return Integer.MIN_VALUE;
    }
    int e = 0;
    for (; i < end; i++) {
      int c = b[i];
      if (c < '0' || c > '9') {
        return Integer.MIN_VALUE;
      }
      e = e * 10 + (c - '0');
    }
    return neg ? -e : e;
  }

  /**
   * Writes {@code us >= 0} as seconds with exactly six decimals ("12.000345") at {@code out[pos]};
   * returns the position after it. {@code out} needs 26 free bytes.
   */
  static int formatMicros(long us, byte[] out, int pos) {
    long seconds = us / 1_000_000;
    int frac = (int) (us % 1_000_000);
    pos = formatLong(seconds, out, pos);
    out[pos++] = '.';
    for (int d = 100_000; d > 0; d /= 10) {
      out[pos++] = (byte) ('0' + frac / d % 10);
    }
    return pos;
  }

  /** Writes a non-negative decimal integer; returns the position after it. */
  static int formatLong(long v, byte[] out, int pos) {
    if (v == 0) {
      out[pos] = '0';
      return pos + 1;
    }
    int digits = 0;
    for (long t = v; t > 0; t /= 10) {
      digits++;
    }
    int end = pos + digits;
    for (int i = end - 1; i >= pos; i--) {
      out[i] = (byte) ('0' + v % 10);
      v /= 10;
    }
    return end;
  }
}
