package io.ganglion.drivers.events;

/**
 * The EVT 2.0 time state: the latest TIME_HIGH, unwrapped past the 28-bit rollover. A TIME_HIGH
 * smaller than the previous one by more than half the range (2^27) is a rollover and adds 2^28 to
 * the high part; a smaller step is kept as it is (the events after it then go backwards and the
 * time-order check reports them). Mirrored after a rollover: a TIME_HIGH larger than the previous
 * one by more than 2^27 is a step back across the rollover and takes the 2^28 off again.
 */
final class Evt2TimeBase {

  private boolean set;
  private int high28;
  private long epochHigh;
  /** (epoch + t_high) &lt;&lt; 6: OR the 6-bit ts_low into it. */
  long highUs;

  boolean isSet() {
    return set;
  }

  void onTimeHigh(int word) {
    int h = word & Evt2Words.TIME_HIGH_MASK;
    if (set && h < high28 && high28 - h > (1 << 27)) {
      epochHigh += 1L << 28;
    } else if (set && h > high28 && h - high28 > (1 << 27) && epochHigh > 0) {
      epochHigh -= 1L << 28; // a step back across the rollover (the mirror case): not a 4.8 h jump ahead
    }
    set = true;
    high28 = h;
    highUs = (epochHigh + h) << 6;
  }

  /** Forgets the time base (a new stream: wait for the next TIME_HIGH). */
  void reset() {
    set = false;
    high28 = 0;
    epochHigh = 0;
    highUs = 0;
  }
}
