package io.ganglion.firmware.cli.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command end cleanly on Ctrl-C (SIGINT) or SIGTERM: a shutdown hook wakes the
 * command's thread, which closes what it opened and prints its summary, and the hook waits (at most
 * {@code graceMillis}) for that to finish before the JVM exits.
 *
 * <pre>{@code
 * try (StopSignal stop = StopSignal.install(10_000)) {
 *   ... start ...
 *   stop.await(durationMillis);     // until the signal or the duration, whichever first
 *   ... close, print summary ...
 * }                                  // close(): lets the hook return
 * }</pre>
 */
public final class StopSignal implements AutoCloseable {

  private final CountDownLatch signal = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;
  private volatile boolean signalled;
  private volatile Runnable onSignal;

  private StopSignal(long graceMillis) {
    this.hook = new Thread(() -> {
      signalled = true;
      signal.countDown();
      Runnable action = onSignal;
      if (action != null) {
        action.run();
      }
      try {
        finished.await(graceMillis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "ganglion-stop");
  }

  /** Installs the shutdown hook. */
  public static StopSignal install(long graceMillis) {
    StopSignal s = new StopSignal(graceMillis);
    Runtime.getRuntime().addShutdownHook(s.hook);
    return s;
  }

  /**
   * Waits for the signal, at most {@code millis} (<= 0: no limit).
   *
   * @return true when a signal arrived
   */
  public boolean await(long millis) throws InterruptedException {
    if (millis <= 0) {
      signal.await();
      return true;
    }
    return signal.await(millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Runs {@code action} (e.g. "ask the loop to stop") on the hook's thread when the signal arrives,
   * or at once if it already did; for a command whose own thread is busy running, not waiting in
   * {@link #await}. May run twice when the signal races this call: make it idempotent.
   */
  public void whenSignalled(Runnable action) {
    onSignal = action;
    if (signalled) {
      action.run();
    }
  }

  /** True once Ctrl-C/SIGTERM arrived (or {@link #trigger()} was called). */
  public boolean stopped() {
    return signal.getCount() == 0;
  }

  /** True when the stop came from a signal. */
  public boolean signalled() {
    return signalled;
  }

  /** Stops as a signal would (e.g. when the command decides it is done). */
  public void trigger() {
    signal.countDown();
  }

  /** Marks the command finished (the hook may return) and removes the hook if the JVM is not exiting. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running and returns now
    }
  }
}
