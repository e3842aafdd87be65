package org.nb201.generate;

import java.text.DecimalFormat;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar with ETA and units (trials, chunks) per hour on stderr; silent when {@code quiet}, under CI
 * ({@code CI} set) or without a console.
 */
final class Progress implements AutoCloseable {
  private final ProgressBar bar;

  Progress(String task, long total, long alreadyDone, boolean quiet) {
    this(task, total, alreadyDone, quiet, "trials");
  }

  /** A bar counting {@code noun} ({@code trials}, {@code chunks}) per hour. */
  Progress(String task, long total, long alreadyDone, boolean quiet, String noun) {
    boolean show = !quiet && System.getenv("CI") == null && System.console() != null;
    bar = show ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
        .setUnit(" " + noun, 1).showSpeed(new DecimalFormat("0.0")).setSpeedUnit(ChronoUnit.HOURS)
        .startsFrom(alreadyDone, Duration.ZERO).setConsumer(new ConsoleProgressBarConsumer(System.err))
        .build() : null;
  }

  synchronized void step() {
    if (bar != null) {
      bar.step();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
