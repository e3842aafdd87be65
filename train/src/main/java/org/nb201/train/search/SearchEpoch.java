package org.nb201.train.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * The record of one search epoch: weight learning rate, wall seconds (steps and evaluation),
 * training images processed, per-image averages of the weight steps (loss, top-1, top-5 % on the
 * training batches) and of the architecture steps (on the paired validation batches; NaN when the
 * method has none), the evaluation of the validation set (NaN when not run), the method's own
 * values (e.g. GDAS's {@code tau}), the genotype at the epoch's end and softmax(alpha) per edge.
 */
public record SearchEpoch(int epoch, double lr, double seconds, long images, double trainLoss, double trainTop1,
    double trainTop5, double archLoss, double archTop1, double archTop5, double validLoss, double validTop1,
    double validTop5, Map<String, Object> info, Arch genotype, double[][] alphaSoftmax) {

  public SearchEpoch {
    info = Map.copyOf(info);
  }

  /** The record with stable snake_case keys (for JSON; NaN values are left out). */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("epoch", epoch);
    m.put("lr", lr);
    m.putAll(new java.util.TreeMap<>(info));
    m.put("seconds", seconds);
    m.put("images", images);
    put(m, "train_loss", trainLoss);
    put(m, "train_top1", trainTop1);
    put(m, "train_top5", trainTop5);
    put(m, "arch_loss", archLoss);
    put(m, "arch_top1", archTop1);
    put(m, "arch_top5", archTop5);
    put(m, "valid_loss", validLoss);
    put(m, "valid_top1", validTop1);
    put(m, "valid_top5", validTop5);
    m.put("genotype", genotype.toString());
    m.put("genotype_index", SearchSpace.official().indexOf(genotype));
    List<List<Double>> a = new ArrayList<>();
    for (double[] row : alphaSoftmax) {
      List<Double> r = new ArrayList<>();
      for (double v : row) {
        r.add(v);
      }
      a.add(r);
    }
    m.put("alpha_softmax", a);
    return m;
  }

  private static void put(Map<String, Object> m, String key, double v) {
    if (!Double.isNaN(v)) {
      m.put(key, v);
    }
  }

  private static final List<String> KNOWN = List.of("type", "epoch", "lr", "seconds", "images", "train_loss",
      "train_top1", "train_top5", "arch_loss", "arch_top1", "arch_top5", "valid_loss", "valid_top1", "valid_top5",
      "genotype", "genotype_index", "alpha_softmax");

  /** The record {@link #toMap()} wrote, as a JSON reader gives it back (numbers as doubles). */
  public static SearchEpoch fromMap(Map<String, ?> m) {
    Map<String, Object> info = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : m.entrySet()) {
      if (!KNOWN.contains(e.getKey())) {
        info.put(e.getKey(), e.getValue());
      }
    }
    List<?> rows = (List<?>) m.get("alpha_softmax");
    double[][] a = new double[rows.size()][];
    for (int i = 0; i < a.length; i++) {
      List<?> row = (List<?>) rows.get(i);
      a[i] = new double[row.size()];
      for (int j = 0; j < a[i].length; j++) {
        a[i][j] = ((Number) row.get(j)).doubleValue();
      }
    }
    return new SearchEpoch(num(m, "epoch").intValue(), num(m, "lr").doubleValue(), num(m, "seconds").doubleValue(),
        num(m, "images").longValue(), opt(m, "train_loss"), opt(m, "train_top1"), opt(m, "train_top5"),
        opt(m, "arch_loss"), opt(m, "arch_top1"), opt(m, "arch_top5"), opt(m, "valid_loss"), opt(m, "valid_top1"),
        opt(m, "valid_top5"), info, Arch.parse((String) m.get("genotype")), a);
  }

  private static Number num(Map<String, ?> m, String key) {
    Object v = m.get(key);
    if (!(v instanceof Number n)) {
      throw new IllegalArgumentException("epoch record without '" + key + "'");
    }
    return n;
  }

  private static double opt(Map<String, ?> m, String key) {
    Object v = m.get(key);
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
