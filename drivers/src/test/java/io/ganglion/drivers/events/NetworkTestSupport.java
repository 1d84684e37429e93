package io.ganglion.drivers.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Polls a source until a condition holds (network tests): no timing asserts, only a generous deadline. */
final class NetworkTestSupport {

  private NetworkTestSupport() {}

  /** Calls updateInputs until {@code done} holds, collecting the events; fails after 10 s. */
  static List<Event> pollUntil(EventSourceIO source, EventSourceInputs in, Predicate<EventSourceInputs> done) {
    List<Event> got = new ArrayList<>();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      source.updateInputs(in);
      for (int i = 0; i < in.events.count(); i++) {
        got.add(in.events.get(i));
      }
      if (done.test(in)) {
        return got;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached within 10 s; events so far " + got.size()
            + ", connected=" + in.connected + " malformed=" + in.malformed + " skipped=" + in.skipped);
      }
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
