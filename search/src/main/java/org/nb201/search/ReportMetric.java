package org.nb201.search;

import java.util.List;

/**
 * One column of a search table: a (dataset, split, hp) of the final-epoch results, averaged over
 * seeds. The paper's columns are hp 200 (spec 7: CIFAR-10 valid/test come from two different
 * training settings).
 */
public record ReportMetric(String dataset, String split, int hp) {
  /** The six columns in the paper's order, all hp 200. */
  public static final List<ReportMetric> PAPER = List.of(
      new ReportMetric("cifar10-valid", "x-valid", 200),
      new ReportMetric("cifar10", "ori-test", 200),
      new ReportMetric("cifar100", "x-valid", 200),
      new ReportMetric("cifar100", "x-test", 200),
      new ReportMetric("ImageNet16-120", "x-valid", 200),
      new ReportMetric("ImageNet16-120", "x-test", 200));

  /** The evaluation splits of one dataset at one hp, for stores of our own (e.g. the demo's). */
  public static List<ReportMetric> of(String dataset, int hp) {
    return List.of(new ReportMetric(dataset, "x-valid", hp), new ReportMetric(dataset, "x-test", hp),
        new ReportMetric(dataset, "ori-test", hp));
  }

  /** The JSON key, e.g. {@code cifar100/x-test}. */
  public String key() {
    return dataset + "/" + split;
  }
}
