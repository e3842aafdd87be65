package org.nb201.generate;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.nb201.space.Dataset;
import org.nb201.train.TrainLimits;

/**
 * What a plan covers: the cells ({@code all}, {@code unique} = one per official isomorphism class,
 * or a list such as {@code 0,11,100-120}), optionally a seeded sample of K of them plus cells that
 * must be included, and the datasets, hps, seeds, network size, data limits and batch size of every
 * trial.
 * Build with {@code PlanConfig.builder().optArchs("unique").optSample(24, 1)...build()}.
 */
public record PlanConfig(String archs, int sample, long sampleSeed, List<Integer> include, List<String> datasets,
    List<Integer> hps, List<Integer> seeds, int channels, int cells, int trainLimit, int evalLimit, int batchSize) {

  public PlanConfig {
    include = List.copyOf(include);
    datasets = List.copyOf(datasets);
    hps = List.copyOf(hps);
    seeds = List.copyOf(seeds);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builder with validation in {@link #build()}. */
  public static final class Builder {
    private String archs = "all";
    private int sample;
    private long sampleSeed = 1;
    private List<Integer> include = List.of();
    private List<String> datasets = List.of(Dataset.CIFAR10_VALID.key());
    private List<Integer> hps = List.of(12);
    private List<Integer> seeds = List.of(777);
    private int channels = 16;
    private int cells = 5;
    private int trainLimit;
    private int evalLimit;
    private int batchSize = TrialSpec.BENCH_BATCH;

    public Builder optArchs(String archs) {
      this.archs = archs;
      return this;
    }

    public Builder optSample(int k, long seed) {
      this.sample = k;
      this.sampleSeed = seed;
      return this;
    }

    public Builder optInclude(List<Integer> indices) {
      this.include = indices;
      return this;
    }

    public Builder optDatasets(List<String> datasets) {
      this.datasets = datasets;
      return this;
    }

    public Builder optHps(List<Integer> hps) {
      this.hps = hps;
      return this;
    }

    public Builder optSeeds(List<Integer> seeds) {
      this.seeds = seeds;
      return this;
    }

    public Builder optNetwork(int channels, int cells) {
      this.channels = channels;
      this.cells = cells;
      return this;
    }

    public Builder optLimits(int trainLimit, int evalLimit) {
      this.trainLimit = trainLimit;
      this.evalLimit = evalLimit;
      return this;
    }

    public Builder optBatchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    public PlanConfig build() {
      if (archs == null || archs.isBlank()) {
        throw new IllegalArgumentException("--archs is empty; expected all, unique or a list like 0,11,100-120");
      }
      if (sample < 0) {
        throw new IllegalArgumentException("--sample must be >= 0, got " + sample);
      }
      if (datasets.isEmpty() || hps.isEmpty() || seeds.isEmpty()) {
        throw new IllegalArgumentException("a plan needs at least one dataset, hp and seed");
      }
      datasets.forEach(Dataset::byKey);
      // a repeated value would give two trials the same content-addressed id
      requireDistinct("--datasets", datasets);
      requireDistinct("--hp", hps);
      requireDistinct("--seeds", seeds);
      for (int hp : hps) {
        if (hp < 1) {
          throw new IllegalArgumentException("--hp must be a positive number of epochs, got " + hp);
        }
      }
      for (int s : seeds) {
        if (s < 0) {
          throw new IllegalArgumentException("--seeds must be >= 0, got " + s);
        }
      }
      TrainLimits.checkOptions(channels, cells, batchSize, 0, "--threads");
      if (trainLimit < 0 || evalLimit < 0) {
        throw new IllegalArgumentException("--train-limit and --eval-limit must be >= 0 (0 = whole split), got "
            + trainLimit + " and " + evalLimit);
      }
      return new PlanConfig(archs, sample, sampleSeed, include, datasets, hps, seeds, channels, cells, trainLimit,
          evalLimit, batchSize);
    }

    private static void requireDistinct(String option, List<?> values) {
      Set<Object> seen = new HashSet<>();
      for (Object v : values) {
        if (!seen.add(v)) {
          throw new IllegalArgumentException(option + " lists " + v + " more than once; give each value once");
        }
      }
    }
  }
}
