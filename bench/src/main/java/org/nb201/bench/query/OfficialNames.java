package org.nb201.bench.query;

import java.util.List;
import org.nb201.bench.store.StoreFormat;
import org.nb201.space.Split;

/**
 * The official names and their remapping (spec 6.1). Datasets are the training settings
 * ({@code cifar10-valid}, {@code cifar10}, {@code cifar100}, {@code ImageNet16-120}); sets are
 * {@code train} and the evaluation splits. {@code find_best} additionally accepts the paper's
 * short names {@code valid} and {@code test}, which {@link #remap} turns into a (dataset, split).
 */
public final class OfficialNames {
  /** The four official dataset keys, in the official order. */
  public static final List<String> OFFICIAL_DATASETS = List.of("cifar10-valid", "cifar10", "cifar100",
      "ImageNet16-120");
  /** The datasets {@code simulate_train_eval} accepts ({@code cifar10} means {@code cifar10-valid}). */
  public static final List<String> SIMULATE_DATASETS = List.of("cifar10", "cifar100", "ImageNet16-120");
  /** The set names {@code find_best} accepts after remapping. */
  public static final List<String> METRIC_SETS = List.of("train", "valid", "test", "x-valid", "x-test", "ori-test");

  /** One group of {@code get_more_info} keys: its key prefix, the split it reads, and whether it is required. */
  record Group(String prefix, Split split, boolean required) {}

  /** A dataset and split after remapping. */
  public record DatasetSplit(String dataset, Split split) {}

  private OfficialNames() {}

  /** Fails with the valid keys when {@code dataset} is not a dataset a store can hold. */
  public static String checkDataset(String dataset) {
    if (StoreFormat.datasetCode(dataset) < 0) {
      throw new IllegalArgumentException("unknown dataset '" + dataset + "'; expected one of "
          + String.join(", ", OFFICIAL_DATASETS) + " (or " + String.join(", ",
              StoreFormat.DATASETS.subList(OFFICIAL_DATASETS.size(), StoreFormat.DATASETS.size())) + ")");
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
    checkDataset(dataset);
    String d = dataset;
    String s = set;
    if (d.equals("cifar10") && s.equals("valid")) {
      d = "cifar10-valid";
      s = "x-valid";
    } else if (d.equals("cifar10") && s.equals("test")) {
      s = "ori-test";
    } else if ((d.equals("cifar100") || d.equals("ImageNet16-120")) && s.equals("valid")) {
      s = "x-valid";
    } else if ((d.equals("cifar100") || d.equals("ImageNet16-120")) && s.equals("test")) {
      s = "x-test";
    } else if (s.equals("valid")) {
      s = "x-valid";
    }
    if (!METRIC_SETS.contains(set) || s.equals("test")) {
      throw new IllegalArgumentException("unknown set '" + set + "' for dataset " + dataset + "; expected one of "
          + String.join(", ", metricSets(dataset)));
    }
    return new DatasetSplit(d, Split.byKey(s));
  }

  /**
   * The set names {@link #remap} accepts for {@code dataset}: all of {@link #METRIC_SETS} where
   * {@code test} has a meaning (cifar10, cifar100, ImageNet16-120), the others without it.
   */
  public static List<String> metricSets(String dataset) {
    return switch (checkDataset(dataset)) {
      case "cifar10", "cifar100", "ImageNet16-120" -> METRIC_SETS;
      default -> METRIC_SETS.stream().filter(s -> !s.equals("test")).toList();
    };
  }

  /**
   * The evaluation groups {@code get_more_info} reports for a dataset, in key order: cifar10-valid
   * has valid (x-valid, required: the official API raises when it is missing) and test (ori-test);
   * cifar10 has test (ori-test) and, if ever present, valid (x-valid); the others have valid
   * (x-valid), test (x-test) and valtest (ori-test).
   */
  static List<Group> groups(String dataset) {
    switch (dataset) {
      case "cifar10-valid":
        return List.of(new Group("valid", Split.X_VALID, true), new Group("test", Split.ORI_TEST, false));
      case "cifar10":
        return List.of(new Group("valid", Split.X_VALID, false), new Group("test", Split.ORI_TEST, false));
      default:
        return List.of(new Group("valid", Split.X_VALID, false), new Group("test", Split.X_TEST, false),
            new Group("valtest", Split.ORI_TEST, false));
    }
  }
}
