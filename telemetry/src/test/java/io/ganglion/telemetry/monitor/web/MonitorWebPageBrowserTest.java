package io.ganglion.telemetry.monitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.protocol.StreamSchema;
import io.ganglion.telemetry.publish.BoardIdentity;
import io.ganglion.telemetry.publish.PublisherConfig;
import io.ganglion.telemetry.publish.TelemetryPublisher;
import io.ganglion.telemetry.testing.TestBroker;
import io.ganglion.testkit.browser.HeadlessChromium;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Loads the monitor page in headless chromium while a board publishes, and checks the plot gets points. */
class MonitorWebPageBrowserTest {

  static final StreamSchema JOINTS = StreamSchema.builder(1, "joints").f64("angle_rad").f64("torque_nm").build();

  @Test
  void thePageServesItsAssetsFromTheClasspath() throws Exception {
    try (TestBroker broker = TestBroker.start();
         Monitor m = Monitor.start(MqttSettings.of(broker.url(), "monitor-assets"), null);
         MonitorWebServer web = MonitorWebServer.start(m, "127.0.0.1", 0, 250, 2_000)) {
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("", "monitor.js", "monitor.css", "uplot/uPlot.iife.min.js", "uplot/uPlot.min.css",
          "snapshot.json")) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(web.url() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path);
        assertTrue(r.body().length() > 10, path);
      }
      HttpResponse<String> missing = http.send(HttpRequest.newBuilder(URI.create(web.url() + "nope")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(404, missing.statusCode());
      String page = http.send(HttpRequest.newBuilder(URI.create(web.url())).build(), HttpResponse.BodyHandlers.ofString()).body();
      assertTrue(!page.contains("http://") && !page.contains("https://"), "no asset from the network");
    }
  }

  @Test
  void aPlotInHeadlessChromiumReceivesPointsWhileABoardPublishes() throws Exception {
    assumeTrue(HeadlessChromium.isAvailable(), "chromium is not installed (apt-get install chromium): browser test skipped");
    try (TestBroker broker = TestBroker.start();
         Monitor m = Monitor.start(MqttSettings.of(broker.url(), "monitor-web"), null);
         MonitorWebServer web = MonitorWebServer.start(m, "127.0.0.1", 0, 250, 2_000)) {
      assertTrue(m.awaitSubscribed(10, TimeUnit.SECONDS));
      TelemetryPublisher p = new TelemetryPublisher(MqttSettings.of(broker.url(), "ganglion-web1"),
          new BoardIdentity("web1", "0.1.0", "abc", "ncap"), List.of(JOINTS), PublisherConfig.defaults());
      AtomicBoolean run = new AtomicBoolean(true);
      Thread loop = new Thread(() -> {
        long i = 0;
        while (run.get()) {
          p.offer(0, i * 1_000L, Math.sin(i * 0.005), 0.3 * Math.cos(i * 0.005));
          if (i % 500 == 0) {
            p.offerEvent(i * 1_000L, "fault", "demo", i);
          }
          i++;
          java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
      });
      p.start();
      loop.start();
      try (HeadlessChromium browser = HeadlessChromium.start(1280, 900)) {
        browser.open(web.url());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        double points = 0;
        while (System.nanoTime() < deadline) {
          points = browser.evaluateNumber("window.ganglion ? window.ganglion.points : 0");
          if (points >= 500 && browser.evaluateNumber("document.querySelectorAll('#events li').length") > 0) {
            break;
          }
          Thread.sleep(100);
        }
        Path shot = Path.of("target", "monitor-web.png");
        browser.screenshot(shot);
        System.out.println("[browser test] screenshot: " + shot.toAbsolutePath() + ", points " + points);
        assertTrue(points >= 500, "the plot received " + points + " points");
        assertEquals(1, browser.evaluateNumber("window.ganglion.charts"));
        assertEquals("\"web1/joints\"", browser.evaluate("document.querySelector('.chart').dataset.key"));
        assertEquals(points, browser.evaluateNumber("Number(document.getElementById('points').textContent)"), 400,
            "the DOM counter follows the points");
        assertTrue(browser.evaluate("document.querySelector('#boards tbody').textContent").contains("web1"));
        assertTrue(browser.evaluate("document.getElementById('events').textContent").contains("fault"));
        assertTrue(Files.size(shot) > 10_000, "a real screenshot");
      } finally {
        run.set(false);
        loop.join();
        p.close();
      }
    }
  }
}
