package org.nb201.generate;

import java.nio.file.Path;
import java.util.List;

/** A child process for the kill -9 test: {@code <plan> <out> <sleepMillis>} runs the plan in-process. */
public final class FakeGenerateMain {
  public static void main(String[] args) throws Exception {
    Path plan = Path.of(args[0]);
    GenerateOptions o = new GenerateOptions(Path.of(args[1]), Shard.ALL, 1, 1, true, List.of());
    Generator.run(Plan.read(plan), plan, o, new FakeExecutor(Long.parseLong(args[2])));
  }
}
