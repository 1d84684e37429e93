package io.ganglion.drivers;

/**
 * A monotonic clock in nanoseconds. Drivers stamp their inputs with it and measure conversion
 * times and velocities against it; the firmware passes its loop clock (wall time on a board,
 * virtual time in simulation). Implementations must not allocate.
 */
@FunctionalInterface
public interface NanoClock {

  /** {@link System#nanoTime()}. */
  NanoClock SYSTEM = System::nanoTime;

  /** The current time in nanoseconds; only differences are meaningful. */
  long nanoTime();
}
