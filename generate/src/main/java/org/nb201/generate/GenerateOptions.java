package org.nb201.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run a plan: output directory, shard, number of worker processes and threads per worker,
 * quietness, and the command that starts one worker process (used when {@code workers > 1}).
 */
public record GenerateOptions(Path out, Shard shard, int workers, int threadsPerWorker, boolean quiet,
    List<String> workerCommand) {
  public GenerateOptions {
    if (workers < 1) {
      throw new IllegalArgumentException("--workers must be >= 1, got " + workers);
    }
    if (threadsPerWorker < 1) {
      throw new IllegalArgumentException("--threads-per-worker must be >= 1, got " + threadsPerWorker);
    }
    workerCommand = List.copyOf(workerCommand);
  }
}
