package org.nb201.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A child generator for the kill -9 and concurrency tests:
 * {@code <plan> <out> <sleepMillis> [<shard k/N> <workers> <record file>]}. With more than one worker
 * the workers are {@link FakeWorkerMain} processes.
 */
public final class FakeGenerateMain {
  public static void main(String[] args) throws Exception {
    Path plan = Path.of(args[0]);
    Shard shard = args.length > 3 ? Shard.parse(args[3]) : Shard.ALL;
    int workers = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    Path record = args.length > 5 ? Path.of(args[5]) : null;
    List<String> workerCommand = new ArrayList<>();
    if (workers > 1) {
      workerCommand.addAll(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
          System.getProperty("java.class.path"), FakeWorkerMain.class.getName(), args[2], String.valueOf(record)));
    }
    GenerateOptions o = new GenerateOptions(Path.of(args[1]), shard, workers, 1, true, workerCommand);
    GenerateSummary s = Generator.run(Plan.read(plan), plan, o, new FakeExecutor(Long.parseLong(args[2]), record));
    System.out.println("finished " + s.finished() + " elsewhere " + s.finishedElsewhere() + " already "
        + s.alreadyDone() + " failed " + s.failures().size());
  }
}
