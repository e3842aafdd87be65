package org.nb201.space;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The official names and their remapping (NATS-Bench {@code nats_bench/api_utils.py::remap_dataset_set_names},
 * {@code nats_bench/api_topology.py::NATStopology.get_more_info}; see docs/benchmark-data.md#name-remapping).
 * Datasets are the training settings
 * ({@code cifar10-valid}, {@code cifar10}, {@code cifar100}, {@code ImageNet16-120}); sets are
 * {@code train} and the evaluation splits. {@code find_best} additionally accepts the paper's
 * short names {@code valid} and {@code test}, which {@link #remap} turns into a (dataset, split).
 * The {@code get_more_info} key groups ({@link #groups}) are shared by the benchmark queries and by
 * the trainer's own records, so both spell the official keys the same way.
 */
public final class OfficialNames {
  /** The paper's short name for the validation set, and the key prefix of its {@code get_more_info} group. */
  public static final String VALID = "valid";
  /** The paper's short name for the test set, and the key prefix of its {@code get_more_info} group. */
  public static final String TEST = "test";
  /** The key prefix of the ori-test group where x-test is the test group (cifar100, ImageNet16-120). */
  public static final String VALTEST = "valtest";

  /** The four official dataset keys, in the official order. */
  public static final List<String> OFFICIAL_DATASETS = Dataset.official().stream().map(Dataset::key).toList();
  /** The datasets {@code simulate_train_eval} accepts ({@code cifar10} means {@code cifar10-valid}). */
  public static final List<String> SIMULATE_DATASETS =
      Stream.of(Dataset.CIFAR10, Dataset.CIFAR100, Dataset.IMAGENET16_120).map(Dataset::key).toList();
  /** The set names {@code find_best} accepts after remapping. */
  public static final List<String> METRIC_SETS = List.of(Split.TRAIN.key(), VALID, TEST, Split.X_VALID.key(),
      Split.X_TEST.key(), Split.ORI_TEST.key());

  /**
   * One group of {@code get_more_info} keys: its key prefix ({@code valid} gives {@code valid-loss},
   * {@code valid-accuracy}, {@code valid-per-time}, {@code valid-all-time}), the split it reads, and
   * whether the official API raises when it is missing.
   */
  public record Group(String prefix, Split split, boolean required) {
    /** Puts the group's four keys into {@code info} in the official order: loss, accuracy, per-time, all-time. */
    public void put(Map<String, Double> info, double loss, double accuracy, double perTime, double allTime) {
      info.put(prefix + "-loss", loss);
      info.put(prefix + "-accuracy", accuracy);
      info.put(prefix + "-per-time", perTime);
      info.put(prefix + "-all-time", allTime);
    }
  }

  /** The training group every dataset reports first ({@code train-loss}, ...); officially required. */
  public static final Group TRAIN = new Group(Split.TRAIN.key(), Split.TRAIN, true);

  /** A dataset and split after remapping. */
  public record DatasetSplit(String dataset, Split split) {}

  private OfficialNames() {}

  /** Fails with the valid keys when {@code dataset} is not a dataset a store can hold. */
  public static String checkDataset(String dataset) {
    if (Stream.of(Dataset.values()).noneMatch(d -> d.key().equals(dataset))) {
      throw new IllegalArgumentException("unknown dataset '" + dataset + "'; expected one of "
          + String.join(", ", OFFICIAL_DATASETS) + " (or " + String.join(", ", Stream.of(Dataset.values())
              .filter(d -> !d.isOfficial()).map(Dataset::key).toList()) + ")");
    }
    return dataset;
  }

  /**
   * The official {@code remap_dataset_set_names} followed by {@code get_metrics}' set lookup:
   * (cifar10, valid) is (cifar10-valid, x-valid); (cifar10, test) is (cifar10, ori-test);
   * (cifar100 | ImageNet16-120, valid | test) is (same, x-valid | x-test); any other
   * {@code valid} is x-valid; {@code train} and the split keys pass through.
   */
  public static DatasetSplit remap(String dataset, String set) {
    Dataset d = Dataset.byKey(checkDataset(dataset));
    if (!METRIC_SETS.contains(set) || set.equals(TEST) && !hasTest(d)) {
      throw new IllegalArgumentException("unknown set '" + set + "' for dataset " + dataset + "; expected one of "
          + String.join(", ", metricSets(dataset)));
    }
    return switch (set) {
      case VALID -> new DatasetSplit(d == Dataset.CIFAR10 ? Dataset.CIFAR10_VALID.key() : dataset, Split.X_VALID);
      case TEST -> new DatasetSplit(dataset, d == Dataset.CIFAR10 ? Split.ORI_TEST : Split.X_TEST);
      default -> new DatasetSplit(dataset, Split.byKey(set));
    };
  }

  /**
   * The set names {@link #remap} accepts for {@code dataset}: all of {@link #METRIC_SETS} where
   * {@code test} has a meaning (cifar10, cifar100, ImageNet16-120), the others without it.
   */
  public static List<String> metricSets(String dataset) {
    return hasTest(Dataset.byKey(checkDataset(dataset))) ? METRIC_SETS
        : METRIC_SETS.stream().filter(s -> !s.equals(TEST)).toList();
  }

  /** Whether the official remapping gives {@code test} a meaning for this dataset. */
  private static boolean hasTest(Dataset d) {
    return d == Dataset.CIFAR10 || d == Dataset.CIFAR100 || d == Dataset.IMAGENET16_120;
  }

  /**
   * The split that {@code get_more_info}'s {@code <prefix>-*} keys read on {@code dataset}
   * ({@code train}, or a prefix of {@link #groups}: e.g. {@code test} is ori-test on cifar10 and
   * x-test on cifar100), or {@code null} when the dataset has no such keys.
   */
  public static Split splitOfKey(String dataset, String prefix) {
    checkDataset(dataset);
    if (prefix.equals(TRAIN.prefix())) {
      return Split.TRAIN;
    }
    for (Group g : groups(dataset)) {
      if (g.prefix().equals(prefix)) {
        return g.split();
      }
    }
    return null;
  }

  /**
   * The evaluation groups {@code get_more_info} reports for a dataset, in key order: cifar10-valid
   * has valid (x-valid, required: the official API raises when it is missing) and test (ori-test);
   * cifar10 has test (ori-test) and, if ever present, valid (x-valid); the others have valid
   * (x-valid), test (x-test) and valtest (ori-test).
   */
  public static List<Group> groups(String dataset) {
    return switch (Dataset.byKey(dataset)) {
      case CIFAR10_VALID -> List.of(new Group(VALID, Split.X_VALID, true), new Group(TEST, Split.ORI_TEST, false));
      case CIFAR10 -> List.of(new Group(VALID, Split.X_VALID, false), new Group(TEST, Split.ORI_TEST, false));
      default -> List.of(new Group(VALID, Split.X_VALID, false), new Group(TEST, Split.X_TEST, false),
          new Group(VALTEST, Split.ORI_TEST, false));
    };
  }
}
