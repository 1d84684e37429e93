package io.ganglion.telemetry.monitor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ganglion.drivers.GanglionException;
import io.ganglion.drivers.InvalidInputException;
import io.ganglion.telemetry.monitor.Monitor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monitor's web page: the JDK's HTTP server (no web framework) serving a page with live uPlot
 * charts, the board list and the event log, all static assets from the classpath (uPlot from its
 * webjar; nothing from the network), fed over Server-Sent Events.
 *
 * <ul>
 *   <li>{@code GET /}: the page; {@code /monitor.js}, {@code /monitor.css}, {@code /uplot/...};
 *   <li>{@code GET /snapshot.json}: the current {@link io.ganglion.telemetry.monitor.MonitorSnapshot};
 *   <li>{@code GET /events}: an SSE stream of {@code update} messages, every {@code periodMillis}:
 *       {@code {"snapshot":{...},"points":{"<board>/<stream>":{"fields":[...],"t":[s...],"v":[[...]...]}}}};
 *       the first message to a new page carries every stream's recent history.
 * </ul>
 */
public final class MonitorWebServer implements AutoCloseable {

  /** At most this many pages at once; more get 503. */
  public static final int MAX_CLIENTS = 8;
  private static final String WEB = "/io/ganglion/telemetry/monitor/web/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Monitor monitor;
  private final HttpServer server;
  private final ExecutorService executor;
  private final PlotFeed feed;
  private final long periodMillis;
  private final List<Client> clients = new CopyOnWriteArrayList<>();
  /** The page streams' slots: taken before a stream is answered, so no more than MAX_CLIENTS ever stream. */
  private final java.util.concurrent.Semaphore streamSlots = new java.util.concurrent.Semaphore(MAX_CLIENTS);
  private final Thread broadcaster;
  private final String uplotBase;
  private final AtomicLong messagesSent = new AtomicLong();
  private volatile boolean stop;

  private static final class Client {
    final BlockingQueue<String> queue = new ArrayBlockingQueue<>(32);
    volatile boolean welcomed;
    volatile boolean gone;
  }

  private MonitorWebServer(Monitor monitor, HttpServer server, long periodMillis, long minIntervalUs) {
    this.monitor = monitor;
    this.server = server;
    this.periodMillis = periodMillis;
    this.feed = new PlotFeed(minIntervalUs, 1_500);
    this.uplotBase = uplotBase();
    monitor.state().addBatchListener(feed);
    this.executor = Executors.newFixedThreadPool(MAX_CLIENTS + 4, r -> {
      Thread t = new Thread(r, "ganglion-monitor-web");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    this.broadcaster = new Thread(this::broadcast, "ganglion-monitor-sse");
    this.broadcaster.setDaemon(true);
  }

  /**
   * Serves the page for {@code monitor} on {@code host:port} (port 0: a free port), pushing
   * updates every {@code periodMillis} and plotting at most one point per {@code minIntervalUs} of
   * board time per stream.
   */
  public static MonitorWebServer start(Monitor monitor, String host, int port, long periodMillis, long minIntervalUs) {
    if (port < 0 || port > 65_535) {
      throw new InvalidInputException("--web port " + port + " is out of range; use 1..65535 (or 0 for any free port)");
    }
    if (periodMillis < 50 || periodMillis > 10_000) {
      throw new InvalidInputException("web refresh period " + periodMillis + " ms is out of range; use 50..10000");
    }
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(host, port), 64);
    } catch (IOException e) {
      // a port in use and an address this machine does not have are both BindExceptions: tell them apart by the cause
      if (e instanceof java.net.BindException && String.valueOf(e.getMessage()).contains("assign")) {
        throw new InvalidInputException("cannot serve the monitor page on " + host + ":" + port + " (" + e.getMessage()
            + "); --web-bind must be an address of this machine (127.0.0.1, or 0.0.0.0 for all of them)");
      }
      throw new GanglionException("cannot serve the monitor page on " + host + ":" + port + " (" + e.getMessage()
          + "); is the port in use? choose another --web port", e);
    }
    MonitorWebServer w = new MonitorWebServer(monitor, server, periodMillis, minIntervalUs);
    server.start();
    w.broadcaster.start();
    return w;
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://HOST:PORT/}. */
  public String url() {
    InetSocketAddress a = server.getAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    return "http://" + host + ":" + a.getPort() + "/";
  }

  /** Update messages written to pages so far. */
  public long messagesSent() {
    return messagesSent.get();
  }

  /** Plot points collected so far (after decimation). */
  public long pointsCollected() {
    return feed.points();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
        send(ex, 405, "text/plain", "only GET\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      String path = ex.getRequestURI().getPath();
      switch (path) {
        case "/", "/index.html" -> resource(ex, WEB + "index.html", "text/html; charset=utf-8");
        case "/monitor.js" -> resource(ex, WEB + "monitor.js", "text/javascript; charset=utf-8");
        case "/monitor.css" -> resource(ex, WEB + "monitor.css", "text/css; charset=utf-8");
        case "/uplot/uPlot.iife.min.js" -> resource(ex, uplotBase + "uPlot.iife.min.js", "text/javascript; charset=utf-8");
        case "/uplot/uPlot.min.css" -> resource(ex, uplotBase + "uPlot.min.css", "text/css; charset=utf-8");
        case "/snapshot.json" -> send(ex, 200, "application/json",
            JSON.writeValueAsBytes(monitor.snapshot().toJsonMap()));
        case "/events" -> events(ex);
        default -> send(ex, 404, "text/plain", ("not found: " + path + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void resource(HttpExchange ex, String name, String type) throws IOException {
    try (InputStream in = MonitorWebServer.class.getResourceAsStream(name)) {
      if (in == null) {
        send(ex, 500, "text/plain", ("missing resource " + name + "\n").getBytes(StandardCharsets.UTF_8));
        return;
      }
      send(ex, 200, type, in.readAllBytes());
    }
  }

  private static void send(HttpExchange ex, int code, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(code, head ? -1 : body.length);
    if (!head) {
      ex.getResponseBody().write(body);
    }
  }

  /** One SSE stream: blocks this pool thread until the page goes away or the server stops. */
  private void events(HttpExchange ex) throws IOException {
    if (ex.getRequestMethod().equals("HEAD")) {
      streamHeaders(ex);
      ex.sendResponseHeaders(200, -1); // the headers a stream would have, no stream
      return;
    }
    if (!streamSlots.tryAcquire()) {
      send(ex, 503, "text/plain", ("at most " + MAX_CLIENTS + " pages at once\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    try {
      stream(ex);
    } finally {
      streamSlots.release();
    }
  }

  private static void streamHeaders(HttpExchange ex) {
    ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    ex.getResponseHeaders().set("Cache-Control", "no-store");
  }

  private void stream(HttpExchange ex) throws IOException {
    streamHeaders(ex);
    ex.sendResponseHeaders(200, 0);
    Client c = new Client();
    clients.add(c);
    OutputStream out = ex.getResponseBody();
    try {
      out.write(("retry: 1000\n\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      while (!stop) {
        String msg = c.queue.poll(15, TimeUnit.SECONDS);
        out.write((msg == null ? ": keep-alive\n\n" : "event: update\ndata: " + msg + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (msg != null) {
          messagesSent.incrementAndGet();
        }
      }
    } catch (IOException | InterruptedException e) {
      // the page closed the connection, or the server stops
    } finally {
      c.gone = true;
      clients.remove(c);
    }
  }

  private void broadcast() {
    while (!stop) {
      try {
        Thread.sleep(periodMillis);
      } catch (InterruptedException e) {
        return;
      }
      try {
        PlotFeed.Cut cut = feed.cut();
        Map<String, Object> snapshot = monitor.snapshot().toJsonMap();
        String update = null;
        String welcome = null;
        for (Client c : clients) {
          String msg;
          if (c.welcomed) {
            msg = update != null ? update : (update = message(snapshot, cut.delta()));
          } else {
            msg = welcome != null ? welcome : (welcome = message(snapshot, cut.history()));
            c.welcomed = true;
          }
          if (!c.queue.offer(msg)) {
            c.queue.poll(); // a slow page loses its oldest update, never blocks the others
            c.queue.offer(msg);
          }
        }
      } catch (RuntimeException | JsonProcessingException e) {
        // keep serving; the next period tries again
      }
    }
  }

  private static String message(Map<String, Object> snapshot, Map<String, PlotFeed.Series> series)
      throws JsonProcessingException {
    Map<String, Object> points = new LinkedHashMap<>();
    series.forEach((key, s) -> {
      int n = s.points().size();
      List<Object> t = new ArrayList<>(n);
      List<List<Object>> v = new ArrayList<>();
      for (int f = 0; f < s.fields().size(); f++) {
        v.add(new ArrayList<>(n));
      }
      for (PlotFeed.Point p : s.points()) {
        t.add(p.tS());
        for (int f = 0; f < s.fields().size(); f++) {
          double x = p.values()[f];
          v.get(f).add(Double.isFinite(x) ? x : null);
        }
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fields", s.fields());
      m.put("t", t);
      m.put("v", v);
      points.put(key, m);
    });
    Map<String, Object> msg = new LinkedHashMap<>();
    msg.put("snapshot", snapshot);
    msg.put("points", points);
    return JSON.writeValueAsString(msg);
  }

  /** The classpath folder of the uPlot webjar's dist files (its version from the webjar's pom.properties). */
  private static String uplotBase() {
    java.util.Properties p = new java.util.Properties();
    try (InputStream in = MonitorWebServer.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/uplot/pom.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      // fall through
    }
    String version = p.getProperty("version");
    if (version == null) {
      throw new GanglionException("the uPlot webjar (org.webjars.npm:uplot) is not on the classpath; rebuild ganglion");
    }
    return "/META-INF/resources/webjars/uplot/" + version + "/dist/";
  }

  /** Stops serving and closes every page's stream. */
  @Override
  public void close() {
    stop = true;
    broadcaster.interrupt();
    server.stop(0);
    executor.shutdownNow();
    try {
      broadcaster.join(1_000);
      executor.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
