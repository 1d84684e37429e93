package io.ganglion.firmware.cli.support;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr that appears only once the work has taken more than a second, so that
 * quick commands stay quiet. Not thread-safe; call {@link #update} from the working thread.
 */
public final class Progress implements AutoCloseable {

  private static final long SHOW_AFTER_NANOS = 1_000_000_000L;

  private final String task;
  private final long total;
  private final String unit;
  private final long startNanos = System.nanoTime();
  private final boolean enabled;
  private ProgressBar bar;

  /** @param enabled false to never show a bar (e.g. when stderr is not for humans) */
  public Progress(String task, long total, String unit, boolean enabled) {
    this.task = task;
    this.total = total;
    this.unit = unit;
    this.enabled = enabled;
  }

  /** Reports {@code done} units of work completed. */
  public void update(long done) {
    if (bar == null) {
      if (!enabled || System.nanoTime() - startNanos < SHOW_AFTER_NANOS) {
        return;
      }
      bar = new ProgressBarBuilder()
          .setTaskName(task)
          .setInitialMax(total)
          .setUnit(" " + unit, 1)
          .setStyle(ProgressBarStyle.ASCII)
          .setUpdateIntervalMillis(250)
          .showSpeed()
          .build();
    }
    bar.stepTo(done);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
