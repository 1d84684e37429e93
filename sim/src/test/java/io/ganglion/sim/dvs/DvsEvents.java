package io.ganglion.sim.dvs;

import io.ganglion.drivers.events.EventBuffer;
import java.util.ArrayList;
import java.util.List;

/** Test helper: runs a simulator to the end and keeps every event as parallel arrays. */
final class DvsEvents {

  final int[] x;
  final int[] y;
  final long[] tUs;
  final boolean[] on;

  private DvsEvents(List<long[]> rows) {
    int n = rows.size();
    x = new int[n];
    y = new int[n];
    tUs = new long[n];
    on = new boolean[n];
    for (int i = 0; i < n; i++) {
      long[] r = rows.get(i);
      x[i] = (int) r[0];
      y[i] = (int) r[1];
      tUs[i] = r[2];
      on[i] = r[3] != 0;
    }
  }

  static DvsEvents run(DvsSimulator sim, int chunk) {
    EventBuffer buf = new EventBuffer(chunk);
    List<long[]> rows = new ArrayList<>();
    while (sim.next(buf) > 0) {
      for (int i = 0; i < buf.count(); i++) {
        rows.add(new long[] {buf.x[i], buf.y[i], buf.tUs[i], buf.polarity[i]});
      }
    }
    return new DvsEvents(rows);
  }

  int size() {
    return x.length;
  }
}
