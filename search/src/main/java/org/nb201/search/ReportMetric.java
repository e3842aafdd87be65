package org.nb201.search;

import java.util.List;
import org.nb201.space.Dataset;
import org.nb201.space.Split;

/**
 * One column of a search table: a (dataset, split, hp) of the final-epoch results, averaged over
 * seeds. The paper's columns are hp 200 (AutoDL-Projects {@code exps/NAS-Bench-201/visualize.py::just_show}:
 * CIFAR-10 valid/test come from two different training settings; see docs/search-algorithms.md#search-protocol).
 */
public record ReportMetric(String dataset, String split, int hp) {
  /** The six columns in the paper's order, all hp 200. */
  public static final List<ReportMetric> PAPER = List.of(
      new ReportMetric(Dataset.CIFAR10_VALID, Split.X_VALID, 200),
      new ReportMetric(Dataset.CIFAR10, Split.ORI_TEST, 200),
      new ReportMetric(Dataset.CIFAR100, Split.X_VALID, 200),
      new ReportMetric(Dataset.CIFAR100, Split.X_TEST, 200),
      new ReportMetric(Dataset.IMAGENET16_120, Split.X_VALID, 200),
      new ReportMetric(Dataset.IMAGENET16_120, Split.X_TEST, 200));

  /** A column from the shared vocabulary. */
  public ReportMetric(Dataset dataset, Split split, int hp) {
    this(dataset.key(), split.key(), hp);
  }

  /** The evaluation splits of one dataset at one hp, for stores of our own (e.g. the demo's). */
  public static List<ReportMetric> of(String dataset, int hp) {
    return Split.evaluation().stream().map(s -> new ReportMetric(dataset, s.key(), hp)).toList();
  }

  /** The JSON key, e.g. {@code cifar100/x-test}. */
  public String key() {
    return dataset + "/" + split;
  }
}
