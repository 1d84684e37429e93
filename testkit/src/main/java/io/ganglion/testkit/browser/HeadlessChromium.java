package io.ganglion.testkit.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A headless {@code chromium} (Debian's package) for page tests, driven over the Chrome DevTools
 * Protocol on a WebSocket: open a page, evaluate JavaScript, take a screenshot. Started with a
 * fresh profile directory and every background network feature off ({@code --no-sandbox} because
 * tests may run as root). Minimal JSON handling (regular expressions) to stay free of libraries.
 */
public final class HeadlessChromium implements AutoCloseable {

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
  private static final long START_TIMEOUT_MILLIS = 20_000;

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final Map<Integer, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final List<String> stderr = new ArrayList<>();
  private String sessionId;

  private HeadlessChromium(Process process, Path profile, String wsUrl) {
    this.process = process;
    this.profile = profile;
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
        .buildAsync(URI.create(wsUrl), new Listener()).join();
  }

  /** The {@code chromium} binary on {@code PATH} (or /usr/bin), if installed. */
  public static Optional<Path> findBinary() {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String dir : path.split(java.io.File.pathSeparator)) {
        if (!dir.isEmpty()) {
          candidates.add(Paths.get(dir, "chromium"));
        }
      }
    }
    candidates.add(Paths.get("/usr/bin/chromium"));
    return candidates.stream().filter(Files::isExecutable).findFirst();
  }

  /** True when {@code chromium} is installed. */
  public static boolean isAvailable() {
    return findBinary().isPresent();
  }

  /** Starts chromium headless with a {@code width} x {@code height} window. */
  public static HeadlessChromium start(int width, int height) {
    Path binary = findBinary().orElseThrow(() -> new IllegalStateException("chromium is not installed (apt-get install chromium)"));
    try {
      Path profile = Files.createTempDirectory("ganglion-chromium-");
      List<String> cmd = List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
          "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank");
      Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> url = new CompletableFuture<>();
      List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
      Thread reader = new Thread(() -> {
        try {
          for (String line; (line = err.readLine()) != null; ) {
            lines.add(line);
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
              url.complete(m.group(1));
            }
          }
        } catch (IOException e) {
          // process ended
        }
        url.completeExceptionally(new IllegalStateException("chromium exited: " + String.join(" | ", lines)));
      }, "chromium-stderr");
      reader.setDaemon(true);
      reader.start();
      String ws;
      try {
        ws = url.get(START_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        p.destroyForcibly();
        throw new IllegalStateException("chromium did not start: " + e.getMessage() + " " + lines, e);
      }
      HeadlessChromium c = new HeadlessChromium(p, profile, ws);
      c.stderr.addAll(lines);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start chromium", e);
    }
  }

  /** Opens {@code url} in a new tab and attaches to it (later calls act on this tab). */
  public void open(String url) {
    String created = call(null, "Target.createTarget", "{\"url\":\"" + escape(url) + "\"}");
    String targetId = string(created, "targetId");
    String attached = call(null, "Target.attachToTarget", "{\"targetId\":\"" + targetId + "\",\"flatten\":true}");
    sessionId = string(attached, "sessionId");
  }

  /** Evaluates {@code expression} in the page and returns its value as JSON text ({@code null} if undefined). */
  public String evaluate(String expression) {
    String r = call(sessionId, "Runtime.evaluate", "{\"expression\":\"" + escape(expression) + "\",\"returnByValue\":true}");
    if (r.contains("\"exceptionDetails\"")) {
      throw new IllegalStateException("page threw evaluating " + expression + ": " + r);
    }
    Matcher m = Pattern.compile("\"value\":(\"(?:[^\"\\\\]|\\\\.)*\"|[-0-9.eE+]+|true|false|null)").matcher(r);
    return m.find() ? m.group(1) : "null";
  }

  /** Evaluates a numeric expression. */
  public double evaluateNumber(String expression) {
    String v = evaluate(expression);
    return v.equals("null") ? Double.NaN : Double.parseDouble(v);
  }

  /**
   * Polls the page every 50 ms until the JavaScript {@code condition} is true (it may assume
   * {@code window.ganglion}, which the poll checks first); false when {@code timeoutMillis} passed.
   */
  public boolean awaitGanglion(String condition, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    while (System.nanoTime() < deadline) {
      if (evaluateNumber("(window.ganglion && (" + condition + ")) ? 1 : 0") == 1) {
        return true;
      }
      Thread.sleep(50);
    }
    return false;
  }

  /** A PNG screenshot of the page, written to {@code file}. */
  public void screenshot(Path file) {
    String r = call(sessionId, "Page.captureScreenshot", "{\"format\":\"png\"}");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, Base64.getDecoder().decode(string(r, "data")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private String call(String session, String method, String params) {
    int id = ids.incrementAndGet();
    CompletableFuture<String> f = new CompletableFuture<>();
    pending.put(id, f);
    String msg = "{\"id\":" + id + (session == null ? "" : ",\"sessionId\":\"" + session + "\"") + ",\"method\":\""
        + method + "\",\"params\":" + params + "}";
    socket.sendText(msg, true).join();
    try {
      String r = f.get(15, TimeUnit.SECONDS);
      if (r.contains("\"error\":{")) {
        throw new IllegalStateException(method + " failed: " + r);
      }
      return r;
    } catch (Exception e) {
      throw new IllegalStateException(method + " got no answer: " + e.getMessage(), e);
    } finally {
      pending.remove(id);
    }
  }

  private static String string(String json, String key) {
    Matcher m = Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + key + " in " + (json.length() > 300 ? json.substring(0, 300) : json));
    }
    return m.group(1);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    private final Pattern idPattern = Pattern.compile("^\\{\"id\":(\\d+)");

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String msg = partial.toString();
        partial.setLength(0);
        Matcher m = idPattern.matcher(msg);
        if (m.find()) {
          CompletableFuture<String> f = pending.get(Integer.parseInt(m.group(1)));
          if (f != null) {
            f.complete(msg);
          }
        }
      }
      ws.request(1);
      return null;
    }
  }

  /** Closes the browser and deletes its profile. */
  @Override
  public void close() {
    try {
      socket.abort();
    } catch (RuntimeException e) {
      // closing anyway
    }
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteProfile();
  }

  /**
   * Deletes the profile directory. Chromium's helper processes (network service, renderer) may
   * still write temp files for a moment after the browser process exits, and a file that vanishes
   * during the walk makes it throw: the walk is retried a few times; what still cannot be deleted
   * is a temp dir left behind, never a test failure.
   */
  private void deleteProfile() {
    for (int attempt = 0; attempt < 5 && Files.exists(profile); attempt++) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException e) {
        // files appeared or vanished during the walk: try again
      }
      if (Files.exists(profile)) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
