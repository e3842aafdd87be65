package org.nb201.bench.importer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr, or nothing when disabled; thread-safe. */
final class ImportProgress implements AutoCloseable {
  private final ProgressBar bar;

  private ImportProgress(ProgressBar bar) {
    this.bar = bar;
  }

  static ImportProgress start(String task, long total, String unit, boolean enabled) {
    if (!enabled) {
      return new ImportProgress(null);
    }
    return new ImportProgress(new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setStyle(ProgressBarStyle.ASCII).setUnit(" " + unit, 1).setUpdateIntervalMillis(250)
        .continuousUpdate().build());
  }

  synchronized void step() {
    if (bar != null) {
      bar.step();
    }
  }

  synchronized void stepTo(long n) {
    if (bar != null) {
      bar.stepTo(n);
    }
  }

  @Override
  public synchronized void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
