package org.nb201.bench.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Dataset;
import org.nb201.space.OfficialNames;
import org.nb201.space.Split;

/**
 * {@code get_more_info} for one (index, dataset, hp, epoch) and a set of seeds, following the
 * official rules (NATS {@code api_topology.get_more_info}) where the data is complete: each group
 * (train and the dataset's evaluation sets) is averaged over the chosen seeds, and a group that any
 * of them lacks at that epoch is left out with a note (the official code catches the error and
 * omits the keys). Partial data is normal, so nb201 goes further than the official code: a missing
 * train group, or a missing x-valid on cifar10-valid, is also a note (officially both raise), and
 * only a trial with no accuracy at all at that epoch is an error. Per-time values are the all-time
 * divided by {@code epoch + 1}.
 */
final class MoreInfoQuery {
  private MoreInfoQuery() {}

  static MoreInfo build(int index, String dataset, int hp, int epoch, int[] seeds, EpochStats stats)
      throws MissingDataException {
    Map<String, Double> values = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    int firstMissingSeed = group(values, notes, OfficialNames.TRAIN, dataset, epoch, seeds, stats);
    for (OfficialNames.Group g : OfficialNames.groups(dataset)) {
      group(values, notes, g, dataset, epoch, seeds, stats);
    }
    if (values.isEmpty()) {
      // nothing at all at this epoch: the message names the train accuracy, as the official error does
      throw new MissingDataException(index, dataset, "no train accuracy for (index " + index + ", " + dataset
          + ", hp " + hp + ", seed " + seedName(firstMissingSeed) + ", train, epoch " + epoch + ")");
    }
    List<Integer> used = new ArrayList<>();
    for (int s : seeds) {
      if (s != StoreReader.AVERAGED) {
        used.add(s);
      }
    }
    return new MoreInfo(index, dataset, hp, epoch, used, values, notes);
  }

  /** Adds one group's four keys, or a note when a seed lacks it; returns that seed, or the first seed when present. */
  private static int group(Map<String, Double> values, List<String> notes, OfficialNames.Group g, String dataset,
      int epoch, int[] seeds, EpochStats stats) {
    String prefix = g.prefix();
    Split split = g.split();
    double acc = 0;
    double loss = 0;
    double time = 0;
    for (int s : seeds) {
      int pos = stats.find(s, split);
      if (pos < 0 || Double.isNaN(stats.accuracy(pos))) {
        if (!OfficialNames.VALID.equals(prefix) || !Dataset.CIFAR10.key().equals(dataset)) {
          notes.add((prefix.equals(split.key()) ? prefix : prefix + " (" + split + ")") + " missing at epoch " + epoch
              + " for seed " + seedName(s) + (g.required() ? " (the official API raises here)" : ""));
        }
        return s;
      }
      acc += stats.accuracy(pos);
      loss += stats.loss(pos);
      time += stats.allTime(pos, epoch);
    }
    int n = seeds.length;
    double allTime = time / n;
    g.put(values, loss / n, acc / n, allTime / (epoch + 1), allTime);
    return seeds[0];
  }

  private static String seedName(int seed) {
    return seed == StoreReader.AVERAGED ? "averaged" : Integer.toString(seed);
  }
}
