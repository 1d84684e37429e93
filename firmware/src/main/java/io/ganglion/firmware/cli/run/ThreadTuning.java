package io.ganglion.firmware.cli.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pins the loop thread to a CPU ({@code taskset -p -c CPU TID}) and gives it a real-time priority
 * ({@code chrt -f -p PRIO TID}, SCHED_FIFO, needs CAP_SYS_NICE or root), as board files ask with
 * {@code loop.pin_cpu} and {@code loop.rt_priority}. Java has no API for either; both tools are in
 * util-linux. Failures are reported as warnings, not errors: the loop runs either way.
 */
final class ThreadTuning {

  private ThreadTuning() {}

  /** Applies what is asked; returns one warning line per failure (empty when all worked). */
  static List<String> apply(long tid, int cpu, int rtPriority) {
    List<String> warnings = new ArrayList<>();
    if (cpu < 0 && rtPriority <= 0) {
      return warnings;
    }
    if (tid < 0) {
      warnings.add("cannot pin or prioritise the loop thread: its Linux thread id is unknown (not Linux?)");
      return warnings;
    }
    if (cpu >= 0) {
      String w = exec("taskset", "-p", "-c", Integer.toString(cpu), Long.toString(tid));
      if (w != null) {
        warnings.add("loop.pin_cpu " + cpu + ": " + w);
      }
    }
    if (rtPriority > 0) {
      String w = exec("chrt", "-f", "-p", Integer.toString(rtPriority), Long.toString(tid));
      if (w != null) {
        warnings.add("loop.rt_priority " + rtPriority + ": " + w + " (needs CAP_SYS_NICE: run as root or"
            + " setcap cap_sys_nice+ep on the java binary)");
      }
    }
    return warnings;
  }

  private static String exec(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).strip();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return String.join(" ", command) + " did not finish";
      }
      return p.exitValue() == 0 ? null : String.join(" ", command) + " failed: " + out;
    } catch (IOException e) {
      return "cannot run " + command[0] + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
