package org.nb201.generate;

import java.nio.file.Path;
import java.util.List;
import org.nb201.train.TrainLimits;

/**
 * How to run a plan: output directory, shard, number of worker processes and threads per worker,
 * quietness, and the command that starts one worker process (used when {@code workers > 1}).
 */
public record GenerateOptions(Path out, Shard shard, int workers, int threadsPerWorker, boolean quiet,
    List<String> workerCommand) {
  public GenerateOptions {
    int most = TrainLimits.maxThreads();
    String bound = " (" + TrainLimits.THREADS_PER_PROCESSOR + " x the " + Runtime.getRuntime().availableProcessors()
        + " available processors)";
    if (workers < 1 || workers > most) {
      throw new IllegalArgumentException("--workers must be in 1.." + most + bound + ", got " + workers);
    }
    if (threadsPerWorker < 1 || threadsPerWorker > most) {
      throw new IllegalArgumentException("--threads-per-worker must be in 1.." + most + bound + ", got "
          + threadsPerWorker);
    }
    workerCommand = List.copyOf(workerCommand);
  }
}
