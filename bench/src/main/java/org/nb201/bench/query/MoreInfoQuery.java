package org.nb201.bench.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.bench.Split;
import org.nb201.bench.store.StoreReader;

/**
 * {@code get_more_info} for one (index, dataset, hp, epoch) and a set of seeds, reproducing the
 * official rules (NATS {@code api_topology.get_more_info}): train values are required; each
 * evaluation group is averaged over the chosen seeds and left out, with a note, when any of them
 * lacks that split at that epoch (the official code catches the error and omits the keys), except
 * cifar10-valid's x-valid, whose absence is an error as in the official code. Per-time values are
 * the all-time divided by {@code epoch + 1}.
 */
final class MoreInfoQuery {
  private MoreInfoQuery() {}

  static MoreInfo build(int index, String dataset, int hp, int epoch, int[] seeds, EpochStats stats)
      throws MissingDataException {
    Map<String, Double> values = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    group(values, notes, "train", Split.TRAIN, true, index, dataset, hp, epoch, seeds, stats);
    for (OfficialNames.Group g : OfficialNames.groups(dataset)) {
      group(values, notes, g.prefix(), g.split(), g.required(), index, dataset, hp, epoch, seeds, stats);
    }
    List<Integer> used = new ArrayList<>();
    for (int s : seeds) {
      if (s != StoreReader.AVERAGED) {
        used.add(s);
      }
    }
    return new MoreInfo(index, dataset, hp, epoch, used, values, notes);
  }

  private static void group(Map<String, Double> values, List<String> notes, String prefix, Split split,
      boolean required, int index, String dataset, int hp, int epoch, int[] seeds, EpochStats stats)
      throws MissingDataException {
    double acc = 0;
    double loss = 0;
    double time = 0;
    for (int s : seeds) {
      int pos = stats.find(s, split);
      if (pos < 0 || Double.isNaN(stats.accuracy(pos))) {
        String what = prefix + " (" + split + ") missing at epoch " + epoch + " for seed "
            + (s == StoreReader.AVERAGED ? "averaged" : Integer.toString(s));
        if (required) {
          throw new MissingDataException(index, dataset, "no " + split + " accuracy for (index " + index + ", "
              + dataset + ", hp " + hp + ", seed " + (s == StoreReader.AVERAGED ? "averaged" : s) + ", "
              + split + ", epoch " + epoch + ")");
        }
        if (!"valid".equals(prefix) || !"cifar10".equals(dataset)) {
          notes.add(what);
        }
        return;
      }
      acc += stats.accuracy(pos);
      loss += stats.loss(pos);
      time += stats.allTime(pos, epoch);
    }
    int n = seeds.length;
    double allTime = time / n;
    values.put(prefix + "-loss", loss / n);
    values.put(prefix + "-accuracy", acc / n);
    values.put(prefix + "-per-time", allTime / (epoch + 1));
    values.put(prefix + "-all-time", allTime);
  }
}
