package io.ganglion.telemetry.monitor.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ganglion.telemetry.monitor.Monitor;
import io.ganglion.telemetry.mqtt.MqttSettings;
import io.ganglion.telemetry.testing.TestBroker;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The page server's limit on live streams holds under simultaneous connects, and HEAD takes no stream. */
class MonitorWebServerStreamLimitTest {

  private static HttpRequest get(MonitorWebServer web) {
    return HttpRequest.newBuilder(URI.create(web.url() + "events")).timeout(Duration.ofSeconds(10)).GET().build();
  }

  @Test
  void simultaneousPagesGetAtMostTheLimitOfStreams() throws Exception {
    int pages = MonitorWebServer.MAX_CLIENTS + 4; // as many as the server's threads
    ExecutorService pool = Executors.newFixedThreadPool(pages);
    List<InputStream> open = new ArrayList<>();
    try (TestBroker broker = TestBroker.start();
         Monitor m = Monitor.start(MqttSettings.of(broker.url(), "monitor-limit"), null);
         MonitorWebServer web = MonitorWebServer.start(m, "127.0.0.1", 0, 250, 2_000)) {
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<HttpResponse<InputStream>>> answers = new ArrayList<>();
      for (int i = 0; i < pages; i++) {
        answers.add(CompletableFuture.supplyAsync(() -> {
          try {
            go.await();
            return client.send(get(web), HttpResponse.BodyHandlers.ofInputStream());
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, pool));
      }
      go.countDown();
      int streams = 0;
      int refused = 0;
      for (CompletableFuture<HttpResponse<InputStream>> a : answers) {
        HttpResponse<InputStream> r = a.get(20, TimeUnit.SECONDS);
        open.add(r.body());
        if (r.statusCode() == 200) {
          streams++;
        } else if (r.statusCode() == 503) {
          refused++;
        }
      }
      assertEquals(MonitorWebServer.MAX_CLIENTS, streams, "streams answered");
      assertEquals(pages - MonitorWebServer.MAX_CLIENTS, refused, "pages refused with 503");
      // a HEAD request takes no stream: it is answered even now
      HttpResponse<Void> head = client.send(HttpRequest.newBuilder(URI.create(web.url() + "events"))
          .timeout(Duration.ofSeconds(10)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
          HttpResponse.BodyHandlers.discarding());
      assertEquals(200, head.statusCode());
      // the headers a stream would have
      assertEquals("text/event-stream; charset=utf-8", head.headers().firstValue("Content-Type").orElse(""));
      assertEquals("no-store", head.headers().firstValue("Cache-Control").orElse(""));
    } finally {
      for (InputStream in : open) {
        in.close();
      }
      pool.shutdownNow();
    }
  }
}
