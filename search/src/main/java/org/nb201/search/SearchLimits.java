package org.nb201.search;

import java.util.Locale;

/**
 * What a search experiment may ask for, checked against its oracle before the first run starts, so
 * that a run ends in reasonable time and all runs fit in memory:
 *
 * <ul>
 *   <li>a budget may afford at most {@value #MAX_EVALUATIONS} evaluations per run at the store's
 *       cheapest evaluation (the paper's 12,000 s afford 134 evaluations of cell 0 on cifar10-valid
 *       hp 12; 100,000 take REINFORCE, the slowest, about 0.2 s); a run also stops after that many
 *       evaluations when some evaluations cost nothing;
 *   <li>the results of all runs (and their curves, when kept) must fit in the heap that is left:
 *       about {@value #RUN_BYTES} bytes per run and {@value #CURVE_POINT_BYTES} per kept curve
 *       point (the point, its list slot and its line of the curves file), the points per run
 *       estimated from the budget and the mean cost of an evaluation;
 *   <li>at most {@value #THREADS_PER_PROCESSOR} threads per available processor.
 * </ul>
 */
public final class SearchLimits {
  /** The most evaluations one run may make. */
  public static final int MAX_EVALUATIONS = 100_000;
  /** Threads are bounded by this multiple of the available processors. */
  public static final int THREADS_PER_PROCESSOR = 4;
  /** Heap per run: its result (measured 53 B), its task and its values in the summary, with a margin. */
  static final long RUN_BYTES = 256;
  /** Heap per kept curve point, including its line of the curves file. */
  static final long CURVE_POINT_BYTES = 256;

  private SearchLimits() {}

  /** The largest thread count accepted on this machine. */
  public static int maxThreads() {
    return THREADS_PER_PROCESSOR * Runtime.getRuntime().availableProcessors();
  }

  /** The largest budget (simulated seconds) accepted with {@code oracle}. */
  public static double largestBudget(Oracle oracle) {
    return MAX_EVALUATIONS * oracle.cheapestCost();
  }

  /** The heap (bytes) the runs of {@code config} need with {@code oracle}, estimated. */
  public static long heapNeeded(SearchConfig config, Oracle oracle) {
    long perRun = RUN_BYTES;
    if (config.keepCurves()) {
      perRun += pointsPerRun(config, oracle) * CURVE_POINT_BYTES;
    }
    return perRun * config.runs();
  }

  /** The heap this JVM can still allocate, in bytes. */
  public static long heapAvailable() {
    Runtime rt = Runtime.getRuntime();
    return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
  }

  /**
   * Fails with a message naming the option and the limit when {@code config} cannot run with
   * {@code oracle} in reasonable time or in {@code heap} bytes.
   */
  public static void check(SearchConfig config, Oracle oracle, long heap) {
    double cheapest = oracle.cheapestCost();
    if (Double.isNaN(cheapest)) {
      throw new IllegalArgumentException("every evaluation in the store costs 0 simulated seconds: a time budget"
          + " cannot end a run (are the store's times all 0?)");
    }
    double largest = largestBudget(oracle);
    if (config.budget() > largest) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "--budget %s is too large: the cheapest"
          + " evaluation in the store costs %s simulated s, so a run could make %.3g evaluations; at most %,d are"
          + " allowed, so --budget may be at most %s", text(config.budget()), text(cheapest),
          config.budget() / cheapest, MAX_EVALUATIONS, text(largest)));
    }
    checkHeap(config.runs(), heapNeeded(config, oracle) / config.runs(), config.keepCurves(), heap);
  }

  /** As {@link #check} for the runs alone, before the oracle is known (no curves kept). */
  public static void checkRuns(int runs, long heap) {
    checkHeap(runs, RUN_BYTES, false, heap);
  }

  private static void checkHeap(int runs, long perRun, boolean curves, long heap) {
    long need = perRun * runs;
    if (need > heap) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "--runs %d needs about %s of heap (%s per run%s)"
          + " but this JVM has %s left: use at most --runs %d%s, or give Java more heap (NB201_JAVA_OPTS=-Xmx...)",
          runs, size(need), size(perRun), curves ? ", most of it the curve kept for --curves" : "", size(heap),
          heap / perRun, curves ? " or drop --curves" : ""));
    }
  }

  private static long pointsPerRun(SearchConfig config, Oracle oracle) {
    double mean = oracle.meanCost();
    double points = mean > 0 ? config.budget() / mean + 1 : MAX_EVALUATIONS;
    return (long) Math.min(MAX_EVALUATIONS, points);
  }

  /** Six significant digits without trailing zeros: 12000, 89.2, 8.92e+07. */
  private static String text(double seconds) {
    String g = String.format(Locale.ROOT, "%.6g", seconds);
    int e = g.indexOf('e');
    String mantissa = e < 0 ? g : g.substring(0, e);
    if (mantissa.contains(".")) {
      mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return e < 0 ? mantissa : mantissa + g.substring(e);
  }

  private static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
    }
    if (bytes >= 1L << 20) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }
    if (bytes >= 1L << 10) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / (double) (1L << 10));
    }
    return bytes + " B";
  }
}
