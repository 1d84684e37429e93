package io.ganglion.firmware.cli.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ganglion.firmware.cli.CliRun;
import io.ganglion.firmware.testing.TestBroker;
import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.monitor.web.MonitorWebServer;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.testkit.browser.HeadlessChromium;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The monitor page in headless chromium while ganglion sim swimmer publishes in real time: its plots receive points. */
class MonitorPageWithSimulationBrowserTest {

  @Test
  void theSwimmersPlotsReceivePointsInChromium() throws Exception {
    assumeTrue(HeadlessChromium.isAvailable(), "chromium is not installed (apt-get install chromium): browser test skipped");
    try (TestBroker broker = TestBroker.start();
         Monitor m = Monitor.start(MqttSettings.of(broker.url(), "page-monitor"), null);
         MonitorWebServer web = MonitorWebServer.start(m, "127.0.0.1", 0, 250, 0)) {
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
      CompletableFuture<CliRun> sim = CompletableFuture.supplyAsync(() -> CliRun.of("sim", "swimmer", "--steps", "150",
          "--pace", "1", "--broker", broker.url(), "--board", "sim"));
      try (HeadlessChromium browser = HeadlessChromium.start(1400, 1000)) {
        browser.open(web.url());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && browser.evaluateNumber("window.ganglion ? window.ganglion.points : 0") < 400) {
          Thread.sleep(100);
        }
        Path shot = Path.of("target", "monitor-sim.png");
        browser.screenshot(shot);
        System.out.println("[browser test] screenshot: " + shot.toAbsolutePath());
        assertTrue(browser.evaluateNumber("window.ganglion.points") >= 400);
        assertEquals(4, browser.evaluateNumber("window.ganglion.charts"), "joints, commands, state, swimmer");
        assertTrue(browser.evaluate("Array.from(document.querySelectorAll('.chart')).map(c => c.dataset.key).join()")
            .contains("sim/swimmer"));
        assertTrue(browser.evaluate("document.getElementById('events').textContent").contains("auto_arm"));
      }
      assertEquals(0, sim.get(30, TimeUnit.SECONDS).code);
    }
  }
}
