package org.nb201.bench.query;

import org.nb201.space.Dataset;
import org.nb201.space.OfficialNames;

/**
 * {@code simulate_train_eval} as NATS-Bench v1.8 does it: cifar10 is queried as cifar10-valid with
 * one random seed; the observed accuracy is x-valid at that epoch and its cost train-all-time +
 * valid-per-time; when x-valid is absent at that epoch (hp 200 before the last epoch) the
 * ori-test ("valtest") accuracy is used and valid-per-time comes from a second random draw at the
 * last epoch. The latency is that of the dataset as given, not the remapped one.
 */
final class SimulateQuery {
  private SimulateQuery() {}

  /** The observation without time accounting ({@code usedTime} is left 0 for the caller to fill). */
  static SimulatedResult run(Nb201Api api, int index, String dataset, Integer iepoch, int hp)
      throws MissingDataException {
    if (!OfficialNames.SIMULATE_DATASETS.contains(dataset)) {
      throw new IllegalArgumentException("invalid dataset '" + dataset + "' for simulate_train_eval; expected one of "
          + String.join(", ", OfficialNames.SIMULATE_DATASETS) + " (cifar10 means cifar10-valid)");
    }
    String queried = dataset.equals(Dataset.CIFAR10.key()) ? Dataset.CIFAR10_VALID.key() : dataset;
    MoreInfo info = api.getMoreInfo(index, queried, iepoch, hp, SeedChoice.random());
    if (!info.has("train-all-time")) {
      throw new MissingDataException(index, queried, "no train values for (index " + index + ", " + queried
          + ", hp " + hp + ", epoch " + info.epoch() + "), needed for the simulated cost: " + info.notes());
    }
    double acc;
    double cost;
    if (info.has("valid-accuracy")) {
      acc = info.get("valid-accuracy");
      cost = info.get("train-all-time") + info.get("valid-per-time");
    } else if (info.has("valtest-accuracy")) {
      acc = info.get("valtest-accuracy");
      MoreInfo last = api.getMoreInfo(index, queried, null, hp, SeedChoice.random());
      if (!last.has("valid-per-time")) {
        throw new MissingDataException(index, queried, "no x-valid time for (index " + index + ", " + queried
            + ", hp " + hp + ") at the last epoch, needed for the simulated cost");
      }
      cost = info.get("train-all-time") + last.get("valid-per-time");
    } else {
      throw new MissingDataException(index, queried, "neither x-valid nor ori-test for (index " + index + ", "
          + queried + ", hp " + hp + ", epoch " + info.epoch() + "): " + info.notes());
    }
    double latency = api.getLatency(index, dataset, hp);
    return new SimulatedResult(acc, latency, cost, 0, info.seeds().isEmpty() ? null : info.seeds().get(0));
  }
}
