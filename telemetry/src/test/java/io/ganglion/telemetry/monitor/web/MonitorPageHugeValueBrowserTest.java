package io.ganglion.telemetry.monitor.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.BinaryTelemetryCodec;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.protocol.TelemetryBatch;
import io.ganglion.testkit.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;

/**
 * One sample of +-Double.MAX_VALUE (a common "no value yet" sentinel) must not blank a chart: uPlot
 * pads the y range by 10 %, which overflows to Infinity, and then draws no series at all until the
 * sample leaves the 1,500-point window.
 */
class MonitorPageHugeValueBrowserTest {

  static final StreamSchema JOINTS = StreamSchema.builder(1, "joints").f64("angle_rad").f64("torque_nm").build();

  @Test
  void aHugeFiniteValueKeepsTheChartDrawn() throws Exception {
    assumeTrue(HeadlessChromium.isAvailable(), "chromium is not installed (apt-get install chromium): browser test skipped");
    try (Monitor m = Monitor.start(MqttSettings.of("tcp://127.0.0.1:1", "monitor-huge"), null);
         MonitorWebServer web = MonitorWebServer.start(m, "127.0.0.1", 0, 100, 0);
         HeadlessChromium browser = HeadlessChromium.start(1000, 700)) {
      TelemetryBatch b = new TelemetryBatch("h1", JOINTS, 40);
      b.reset(0);
      for (int i = 0; i < 40; i++) {
        double torque = i == 20 ? Double.MAX_VALUE : i == 21 ? -Double.MAX_VALUE : 0.1 * i;
        b.addDoubles(i * 10_000L, Math.sin(i * 0.1), torque);
      }
      m.state().onMessage("robots/h1/telemetry/joints", BinaryTelemetryCodec.INSTANCE.encode(b), 0, false);
      browser.open(web.url());
      assertTrue(browser.awaitGanglion("window.ganglion.points >= 40", 20_000), "the page never got the 40 points");
      Thread.sleep(300); // uPlot redraws on the next animation frame
      String y = browser.evaluate("JSON.stringify(window.ganglion.plot('h1/joints').scales.y)");
      double min = browser.evaluateNumber("window.ganglion.plot('h1/joints').scales.y.min");
      double max = browser.evaluateNumber("window.ganglion.plot('h1/joints').scales.y.max");
      assertTrue(Double.isFinite(min) && Double.isFinite(max) && min < max, "the y scale: " + y);
    }
  }
}
