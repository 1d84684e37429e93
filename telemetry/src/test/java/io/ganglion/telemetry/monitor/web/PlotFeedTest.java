package io.ganglion.telemetry.monitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlotFeedTest {

  @Test
  void aBoardRestartStartsTheHistoryAgain() {
    PlotFeed feed = new PlotFeed(0, 1_500);
    feed.onBatch(MonitorPageBoardRestartBrowserTest.batch(0, 100_000_000L, 50), 0);
    feed.onBatch(MonitorPageBoardRestartBrowserTest.batch(0, 0, 20), 0); // the board's clock starts again
    List<PlotFeed.Point> history = feed.cut().history().get("r1/joints").points();
    assertEquals(20, history.size(), "a page opened now sees the current run only");
    assertEquals(0.0, history.get(0).tS());
    assertEquals(0.19, history.get(19).tS(), 1e-12);
  }
}
