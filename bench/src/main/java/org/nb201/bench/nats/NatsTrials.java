package org.nb201.bench.nats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nb201.bench.EpochMetrics;
import org.nb201.bench.Trial;
import org.nb201.bench.TrialKey;
import org.nb201.space.Split;

/**
 * Turns one NATS {@code ResultsCount} state (NATS-Bench {@code nats_bench/api_utils.py::ResultsCount}; see
 * docs/benchmark-data.md#the-record-of-a-trial) into a {@link Trial}: one row per recorded
 * (epoch, split), ordered by epoch then split. A time without an accuracy (pseudo-times of AutoDL-Projects
 * {@code exps/NATS-Bench/tss-collect.py::correct_time_related_info}, docs/benchmark-data.md#time-model,
 * are set for every epoch, also where the set was only evaluated at the end) is kept on a row
 * with NaN accuracy and loss, so nothing in the file is lost.
 */
final class NatsTrials {
  private static final int ACC = 0;
  private static final int LOSS = 1;
  private static final int TIME = 2;
  private static final int TOP5 = 3;

  private final Fields f;
  /** rows[split][epoch] = {accuracy, loss, time, top5}, or null where nothing was recorded. */
  private final double[][][] rows = new double[Split.values().length][16][];

  private NatsTrials(Fields f) {
    this.f = f;
  }

  static Trial toTrial(Fields f, TrialKey key, Map<?, ?> result, String where) throws NatsFormatException {
    NatsTrials t = new NatsTrials(f);
    t.train(f.dict(f.get(result, "train_acc1es", where), where + " train_acc1es"), ACC, where + " train_acc1es");
    t.train(f.dict(f.get(result, "train_losses", where), where + " train_losses"), LOSS, where + " train_losses");
    t.train(f.dictOrEmpty(result.get("train_acc5es"), where + " train_acc5es"), TOP5, where + " train_acc5es");
    t.train(f.dictOrEmpty(result.get("train_times"), where + " train_times"), TIME, where + " train_times");
    t.eval(f.dict(f.get(result, "eval_acc1es", where), where + " eval_acc1es"), ACC, where + " eval_acc1es");
    t.eval(f.dict(f.get(result, "eval_losses", where), where + " eval_losses"), LOSS, where + " eval_losses");
    t.eval(f.dictOrEmpty(result.get("eval_times"), where + " eval_times"), TIME, where + " eval_times");
    return new Trial(key, t.metrics());
  }

  private void train(Map<?, ?> values, int field, String where) throws NatsFormatException {
    for (Map.Entry<?, ?> e : values.entrySet()) {
      int epoch = f.epoch(e.getKey(), where);
      Object v = e.getValue();
      row(epoch, Split.TRAIN)[field] = v instanceof Number n ? n.doubleValue() : f.number(v, where + " @" + epoch);
    }
  }

  private void eval(Map<?, ?> values, int field, String where) throws NatsFormatException {
    for (Map.Entry<?, ?> e : values.entrySet()) {
      String k = f.string(e.getKey(), where + " key");
      int at = k.lastIndexOf('@');
      int epoch = epochAfter(k, at);
      if (epoch < 0) {
        throw f.error(where, "key '" + Fields.clip(k) + "' is not 'set@epoch' with epoch 0.." + Fields.MAX_EPOCH);
      }
      Split split = split(k.substring(0, at), where);
      Object v = e.getValue();
      row(epoch, split)[field] = v instanceof Number n ? n.doubleValue()
          : f.number(v, where + " '" + Fields.clip(k) + "'");
    }
  }

  /** The decimal epoch after {@code @} at {@code at}, or -1 when absent or out of range. */
  private static int epochAfter(String key, int at) {
    int n = key.length() - at - 1;
    if (at < 0 || n < 1 || n > 5) {
      return -1;
    }
    int epoch = 0;
    for (int i = at + 1; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      epoch = epoch * 10 + (c - '0');
    }
    return epoch <= Fields.MAX_EPOCH ? epoch : -1;
  }

  private Split split(String name, String where) throws NatsFormatException {
    for (Split s : Split.values()) {
      if (s != Split.TRAIN && s.key().equals(name)) {
        return s;
      }
    }
    throw f.error(where, "unknown evaluation set '" + Fields.clip(name) + "' (expected x-valid, x-test or ori-test)");
  }

  private double[] row(int epoch, Split split) {
    double[][] bySplit = rows[split.ordinal()];
    if (epoch >= bySplit.length) {
      bySplit = Arrays.copyOf(bySplit, Math.max(epoch + 1, 2 * bySplit.length));
      rows[split.ordinal()] = bySplit;
    }
    double[] r = bySplit[epoch];
    if (r == null) {
      r = new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN};
      bySplit[epoch] = r;
    }
    return r;
  }

  private List<EpochMetrics> metrics() {
    int epochs = 0;
    for (double[][] bySplit : rows) {
      epochs = Math.max(epochs, bySplit.length);
    }
    List<EpochMetrics> out = new ArrayList<>();
    Split[] splits = Split.values();
    for (int e = 0; e < epochs; e++) {
      for (Split s : splits) {
        double[][] bySplit = rows[s.ordinal()];
        double[] r = e < bySplit.length ? bySplit[e] : null;
        if (r != null) {
          out.add(new EpochMetrics(e, s, r[ACC], r[LOSS], r[TIME], r[TOP5]));
        }
      }
    }
    return out;
  }
}
