package org.nb201.train.search;

import java.util.Locale;
import java.util.function.Consumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * A search listener that shows one progress bar per epoch (its steps, with the last weight-step loss) when
 * {@code show}, and hands every finished epoch to {@code onEpoch} after closing that epoch's bar.
 */
public final class EpochProgressBar implements SearchListener, AutoCloseable {
  private final boolean show;
  private final Consumer<SearchEpoch> onEpoch;
  private ProgressBar bar;

  /** A bar per epoch when {@code show}; {@code onEpoch} receives each finished epoch. */
  public EpochProgressBar(boolean show, Consumer<SearchEpoch> onEpoch) {
    this.show = show;
    this.onEpoch = onEpoch;
  }

  @Override
  public void epochStarted(int epoch, int batches) {
    if (show) {
      bar = new ProgressBarBuilder().setTaskName("epoch " + epoch).setInitialMax(batches).build();
    }
  }

  @Override
  public void stepDone(int epoch, int step, double loss) {
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", loss));
    }
  }

  @Override
  public void epochDone(SearchEpoch epoch) {
    close();
    onEpoch.accept(epoch);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }
}
