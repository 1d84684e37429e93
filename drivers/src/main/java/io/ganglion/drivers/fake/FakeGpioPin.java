package io.ganglion.drivers.fake;

import com.pi4j.io.gpio.digital.PullResistance;
import java.util.SplittableRandom;

/**
 * One GPIO line of the fake board, identified by its BCM number. As an input it reads the level
 * something outside drives ({@link #drive}), or, when nothing drives it ({@link #release}), the
 * level its pull resistor gives (a floating line without pull reads seeded noise). As an output
 * it records the level the driver set. Faults: {@link #setReadFault} makes reads throw,
 * {@link #setReportUnknown} makes them return {@code UNKNOWN}, {@link #setWriteFault} makes
 * writes throw.
 */
public final class FakeGpioPin {

  private final int bcm;
  private final SplittableRandom noise;
  private Boolean driven;
  private PullResistance pull = PullResistance.OFF;
  private boolean readFault;
  private boolean reportUnknown;
  private boolean writeFault;
  private boolean outputHigh;
  private long outputTransitions;
  private long reads;

  FakeGpioPin(int bcm) {
    this.bcm = bcm;
    this.noise = new SplittableRandom(0x6A09E667L + bcm);
  }

  /** The BCM line number. */
  public int bcm() {
    return bcm;
  }

  /** Something outside drives the line to {@code high}. */
  public synchronized void drive(boolean high) {
    driven = high;
  }

  /** Nothing drives the line any more (wire cut, switch open): the pull resistor decides. */
  public synchronized void release() {
    driven = null;
  }

  /** Reads throw a Pi4J I/O exception while {@code fault} is true. */
  public synchronized void setReadFault(boolean fault) {
    readFault = fault;
  }

  /** Reads return {@code DigitalState.UNKNOWN} while {@code unknown} is true. */
  public synchronized void setReportUnknown(boolean unknown) {
    reportUnknown = unknown;
  }

  /** Writes throw a Pi4J I/O exception while {@code fault} is true. */
  public synchronized void setWriteFault(boolean fault) {
    writeFault = fault;
  }

  /** The pull resistor the input's Pi4J config asked for. */
  public synchronized PullResistance pull() {
    return pull;
  }

  /** The level last written by an output driver. */
  public synchronized boolean outputHigh() {
    return outputHigh;
  }

  /** How many times an output driver changed the level. */
  public synchronized long outputTransitions() {
    return outputTransitions;
  }

  /** How many successful input reads happened. */
  public synchronized long reads() {
    return reads;
  }

  synchronized void configurePull(PullResistance pull) {
    this.pull = pull == null ? PullResistance.OFF : pull;
  }

  /** 1 high, 0 low, -1 unknown; throws when a read fault is injected. */
  synchronized int read() {
    if (readFault) {
      throw new com.pi4j.io.exception.IOException("fake GPIO " + bcm + ": read failed (injected)");
    }
    if (reportUnknown) {
      return -1;
    }
    reads++;
    if (driven != null) {
      return driven ? 1 : 0;
    }
    if (pull == PullResistance.PULL_UP) {
      return 1;
    }
    if (pull == PullResistance.PULL_DOWN) {
      return 0;
    }
    return noise.nextBoolean() ? 1 : 0;
  }

  synchronized void write(boolean high) {
    if (writeFault) {
      throw new com.pi4j.io.exception.IOException("fake GPIO " + bcm + ": write failed (injected)");
    }
    if (high != outputHigh) {
      outputTransitions++;
    }
    outputHigh = high;
  }
}
