package org.nb201.search;

import java.util.Locale;

/**
 * How the simulated cost of one evaluation was priced. Officially it is the chosen seed's
 * train-all-time + valid-per-time at the signal's epoch ({@code AutoDL-Projects
 * exps/NAS-Bench-201-algos/R_EA.py::train_and_eval}), which needs a time for every epoch.
 *
 * <ul>
 *   <li>{@link Source#STORE}: every priced trial (a cell's seed) has all its times, the official cost.
 *   <li>{@link Source#ESTIMATED}: some trials lack the time of some epochs (a table of final results
 *       often gives one). Their train and split times per epoch are the means over the epochs that
 *       have one, so train-all-time is that mean times {@code epochs}: the official times are the
 *       same every epoch ({@code exps/NAS-Bench-201/statistics-v2.py::correct_time_related_info}
 *       sets them so), which makes the estimate exact for the official data.
 *   <li>{@link Source#FIXED}: a cost per evaluation given by the user ({@code --eval-cost}); the
 *       store's times are not used.
 * </ul>
 *
 * @param source where the costs come from
 * @param fixedSeconds the fixed cost ({@code NaN} unless {@link Source#FIXED})
 * @param split the signal's split, e.g. {@code x-valid}
 * @param epochs epochs up to the signal's epoch ({@code epoch + 1}: 12 for the official signal)
 * @param trials trials priced (the oracle's entries: one per cell and seed)
 * @param estimatedTrials of those, trials whose cost was estimated
 * @param minTimedEpochs fewest epochs with both a train and a split time among the estimated trials
 *     (0 when none was estimated)
 * @param maxTimedEpochs most such epochs among the estimated trials
 * @param unpricedCells cells with a signal but without the times to price it, left out
 */
public record EvalCost(Source source, double fixedSeconds, String split, int epochs, int trials, int estimatedTrials,
    int minTimedEpochs, int maxTimedEpochs, int unpricedCells) {

  /** Where the costs come from. */
  public enum Source {
    STORE, ESTIMATED, FIXED;

    /** The JSON value: {@code store}, {@code estimated} or {@code fixed}. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether some costs were estimated from part of the epochs. */
  public boolean estimated() {
    return source == Source.ESTIMATED;
  }

  /**
   * One line saying how costs were priced when it is not the official way ({@code null} for
   * {@link Source#STORE}), e.g. {@code cost estimated for 2 of 2 trials from the train and x-valid
   * times of 1 of 12 epochs ...}.
   */
  public String describe() {
    switch (source) {
      case FIXED:
        return String.format(Locale.ROOT, "every evaluation costs a fixed %s simulated s (--eval-cost); the store's"
            + " times are not used", seconds(fixedSeconds));
      case ESTIMATED:
        String known = minTimedEpochs == maxTimedEpochs ? Integer.toString(minTimedEpochs)
            : minTimedEpochs + "-" + maxTimedEpochs;
        return String.format(Locale.ROOT, "cost estimated for %d of %d trials from the train and %s times of %s of %d"
            + " epochs (the official times are the same every epoch)", estimatedTrials, trials, split, known, epochs);
      default:
        return null;
    }
  }

  /** One line about the cells left out for want of times ({@code null} when none was). */
  public String describeUnpriced() {
    if (unpricedCells == 0) {
      return null;
    }
    return unpricedCells + (unpricedCells == 1 ? " cell has" : " cells have") + " an " + split
        + " accuracy but no train or " + split + " time and " + (unpricedCells == 1 ? "is" : "are")
        + " left out (--eval-cost SECONDS prices every evaluation the same)";
  }

  private static String seconds(double s) {
    return s == Math.rint(s) && Math.abs(s) < 1e15 ? Long.toString((long) s) : Double.toString(s);
  }
}
