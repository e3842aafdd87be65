package org.nb201.generate;

import java.nio.file.Path;

/** Trials as a {@link WorkKind}: trained by a {@link TrialExecutor}, kept in {@link ResultFile}s. */
final class TrialKind implements WorkKind<TrialSpec> {
  private final TrialExecutor executor;

  TrialKind(TrialExecutor executor) {
    this.executor = executor;
  }

  @Override
  public String noun() {
    return "trials";
  }

  @Override
  public String task() {
    return "generate";
  }

  @Override
  public void run(TrialSpec unit, Path out) throws Exception {
    ResultFile.write(out, executor.run(unit));
  }

  @Override
  public void check(Path file, TrialSpec unit) throws CorruptResultException {
    ResultFile.read(file, unit);
  }
}
