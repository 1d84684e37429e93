package io.ganglion.sim.io;

import io.ganglion.drivers.DeviceFaults;
import io.ganglion.drivers.NanoClock;
import io.ganglion.drivers.gpio.EStopIO;
import io.ganglion.drivers.gpio.EStopInputs;

/**
 * A simulated e-stop button: released unless {@link #press()}ed; an unreadable button
 * ({@link #setUnreadable}) reads pressed, like the GPIO driver. No debounce: a press shows at the
 * next read. Thread-safe controls, allocation-free reads.
 */
public final class EStopIOSim implements EStopIO {

  private final NanoClock clock;
  private volatile boolean pressed;
  private volatile boolean unreadable;
  private boolean wasPressed;
  private long pressCount;
  private long readErrorCount;

  public EStopIOSim(NanoClock clock) {
    this.clock = clock;
  }

  /** Presses the button. */
  public void press() {
    pressed = true;
  }

  /** Releases it. */
  public void release() {
    pressed = false;
  }

  /** True: reads fail (and report pressed). */
  public void setUnreadable(boolean unreadable) {
    this.unreadable = unreadable;
  }

  @Override
  public void updateInputs(EStopInputs inputs) {
    boolean bad = unreadable;
    boolean p = pressed || bad;
    if (bad) {
      readErrorCount++;
    }
    if (p && !wasPressed) {
      pressCount++;
    }
    wasPressed = p;
    inputs.pressed = p;
    inputs.readable = !bad;
    inputs.rawActive = pressed;
    inputs.faultFlags = bad ? DeviceFaults.UNREADABLE : 0;
    inputs.readErrorCount = readErrorCount;
    inputs.pressCount = pressCount;
    inputs.timestampNanos = clock.nanoTime();
  }
}
