package io.ganglion.telemetry.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A child JVM running a test-classpath main class, whose stdout lines the test can wait for. */
public final class ChildJvm implements AutoCloseable {

  private final Process process;
  private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildJvm(Process process) {
    this.process = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = r.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the child was killed
      }
    }, "child-jvm-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} with the test classpath. */
  public static ChildJvm start(Class<?> main, String... args) throws IOException {
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>();
    cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx128m");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(cp);
    cmd.add(main.getName());
    cmd.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(cmd).redirectErrorStream(true).start());
  }

  /** Waits for a stdout line starting with {@code prefix}; returns it, or throws with what was printed. */
  public String awaitLine(String prefix, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    StringBuilder seen = new StringBuilder();
    while (true) {
      long left = deadline - System.nanoTime();
      String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
      if (line == null) {
        throw new AssertionError("child JVM did not print '" + prefix + "' within " + millis + " ms (alive="
            + process.isAlive() + "); it printed:\n" + seen);
      }
      seen.append(line).append('\n');
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** SIGKILL, and wait for the process to end. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** The process. */
  public Process process() {
    return process;
  }

  @Override
  public void close() throws InterruptedException {
    kill();
  }
}
