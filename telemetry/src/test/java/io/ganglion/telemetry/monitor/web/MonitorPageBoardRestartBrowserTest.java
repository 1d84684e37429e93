package io.ganglion.telemetry.monitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.BinaryTelemetryCodec;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import io.ganglion.testkit.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * A board that restarts starts its clock again at 0: its chart must then show the new run alone,
 * with board time increasing (uPlot draws x as sorted; a run that jumps back draws lines backwards
 * across the plot and takes its x range from the first and last points only).
 */
class MonitorPageBoardRestartBrowserTest {

  static final StreamSchema JOINTS = StreamSchema.builder(1, "joints").f64("angle_rad").build();
  static final String TOPIC = "robots/r1/telemetry/joints";

  /** {@code n} samples of board r1's stream joints every 10 ms from {@code t0Us}. */
  static TelemetryBatch batch(long seq, long t0Us, int n) {
    TelemetryBatch b = new TelemetryBatch("r1", JOINTS, n);
    b.reset(seq);
    for (int i = 0; i < n; i++) {
      b.addDoubles(t0Us + i * 10_000L, Math.sin(i * 0.1));
    }
    return b;
  }

  static byte[] run(long seq, long t0Us, int n) {
    return BinaryTelemetryCodec.INSTANCE.encode(batch(seq, t0Us, n));
  }

  @Test
  void afterABoardRestartTheChartShowsTheNewRunWithIncreasingTime() throws Exception {
    assumeTrue(HeadlessChromium.isAvailable(), "chromium is not installed (apt-get install chromium): browser test skipped");
    // no broker needed: the batches are fed to the monitor's state as its MQTT callback would
    try (Monitor m = Monitor.start(MqttSettings.of("tcp://127.0.0.1:1", "monitor-restart"), null);
         MonitorWebServer web = MonitorWebServer.start(m, "127.0.0.1", 0, 100, 0);
         HeadlessChromium browser = HeadlessChromium.start(1000, 700)) {
      m.state().onMessage(TOPIC, run(0, 100_000_000L, 50), 0, false); // 100.00 .. 100.49 s
      browser.open(web.url());
      waitFor(browser, "window.ganglion.points >= 50");
      m.state().onMessage(TOPIC, run(0, 0, 20), 0, false); // restarted: 0.00 .. 0.19 s
      waitFor(browser, "window.ganglion.points >= 70");
      String times = browser.evaluate("JSON.stringify(window.ganglion.times('r1/joints'))");
      assertEquals(20, browser.evaluateNumber("window.ganglion.times('r1/joints').length"), times);
      assertEquals(0, browser.evaluateNumber("window.ganglion.times('r1/joints')[0]"), 1e-9, times);
      assertEquals(0.19, browser.evaluateNumber("window.ganglion.times('r1/joints')[19]"), 1e-9, times);
    }
  }

  @Test
  void aPageThatGetsTheHistoryAgainDoesNotDrawItTwice() throws Exception {
    assumeTrue(HeadlessChromium.isAvailable(), "chromium is not installed (apt-get install chromium): browser test skipped");
    try (Monitor m = Monitor.start(MqttSettings.of("tcp://127.0.0.1:1", "monitor-resend"), null);
         MonitorWebServer web = MonitorWebServer.start(m, "127.0.0.1", 0, 100, 0);
         HeadlessChromium browser = HeadlessChromium.start(1000, 700)) {
      m.state().onMessage(TOPIC, run(0, 5_000_000L, 30), 0, false);
      browser.open(web.url());
      waitFor(browser, "window.ganglion.points >= 30");
      // what an EventSource reconnection (network hiccup) delivers: the whole history once more, then new points
      browser.evaluate("(function () { const e = new EventSource('/events'); "
          + "e.addEventListener('update', ev => { window.ganglion.resent = (window.ganglion.resent || 0) + 1; "
          + "window.ganglion.apply(JSON.parse(ev.data)); if (window.ganglion.resent >= 1) e.close(); }); return 1; })()");
      waitFor(browser, "window.ganglion.resent >= 1");
      String times = browser.evaluate("JSON.stringify(window.ganglion.times('r1/joints'))");
      assertEquals(30, browser.evaluateNumber("window.ganglion.times('r1/joints').length"), times);
    }
  }

  private static void waitFor(HeadlessChromium browser, String condition) throws InterruptedException {
    if (!browser.awaitGanglion(condition, 20_000)) {
      throw new AssertionError("the page never reached " + condition);
    }
  }
}
