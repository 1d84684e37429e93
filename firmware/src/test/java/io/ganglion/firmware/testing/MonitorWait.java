package io.ganglion.firmware.testing;

import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.MonitorSnapshot;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Waits for what a {@link Monitor} sees, for tests of commands that publish like a board. */
public final class MonitorWait {

  private MonitorWait() {}

  /** The first snapshot that satisfies {@code p}, or the last one after 10 s (the test's assertions then say what is missing). */
  public static MonitorSnapshot until(Monitor m, Predicate<MonitorSnapshot> p) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    MonitorSnapshot s = m.snapshot();
    while (!p.test(s) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      s = m.snapshot();
    }
    return s;
  }
}
