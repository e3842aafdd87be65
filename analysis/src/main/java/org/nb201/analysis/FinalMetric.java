package org.nb201.analysis;

import java.util.List;
import java.util.stream.IntStream;
import org.nb201.search.ReportMetric;

/**
 * One final metric of a cell: the seed-mean accuracy of a (dataset, split) at the last epoch of
 * an hp, with a short label. For the official data these are the paper's six columns, C10-valid
 * ({@code cifar10-valid} x-valid), C10-test ({@code cifar10} ori-test), C100-valid/test and
 * IN16-valid/test (x-valid / x-test), all hp 200 ({@link ReportMetric#PAPER}).
 */
public record FinalMetric(String label, String dataset, String split, int hp) {
  /** The paper's labels, in the order of {@link ReportMetric#PAPER}. */
  public static final List<String> PAPER_LABELS =
      List.of("C10-valid", "C10-test", "C100-valid", "C100-test", "IN16-valid", "IN16-test");

  /** The paper's six metrics. */
  public static List<FinalMetric> paper() {
    List<ReportMetric> p = ReportMetric.PAPER;
    return IntStream.range(0, p.size())
        .mapToObj(i -> new FinalMetric(PAPER_LABELS.get(i), p.get(i).dataset(), p.get(i).split(), p.get(i).hp()))
        .toList();
  }

  /** A metric of a store of our own, labelled {@code dataset split}. */
  public static FinalMetric of(String dataset, String split, int hp) {
    return new FinalMetric(dataset + " " + split, dataset, split, hp);
  }

  /** The key search tables use, {@code dataset/split}. */
  public String key() {
    return dataset + "/" + split;
  }

  /** Whether this is the paper's CIFAR-10 test metric ({@code cifar10} ori-test, hp 200). */
  public boolean isPaperC10Test() {
    return dataset.equals("cifar10") && split.equals("ori-test") && hp == 200;
  }

  /** What the metric is, for notes: {@code cifar10 ori-test hp 200}. */
  public String describe() {
    return dataset + " " + split + " hp " + hp;
  }
}
