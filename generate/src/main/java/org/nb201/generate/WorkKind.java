package org.nb201.generate;

import java.nio.file.Path;

/**
 * How one kind of {@link WorkUnit} is done and checked, so that one resumable machinery (result
 * file per unit, ledger, per-unit locks, local worker pool, progress bar; {@link Generator}) serves
 * training trials and proxy chunks alike.
 */
public interface WorkKind<U extends WorkUnit> {
  /** What the units are called on the progress bar and in messages: {@code trials}, {@code chunks}. */
  String noun();

  /** The progress bar's task name, e.g. {@code generate}. */
  String task();

  /**
   * Does {@code unit} and writes its result file {@code ResultFile.path(out, unit.id())} atomically;
   * throws on failure.
   */
  void run(U unit, Path out) throws Exception;

  /** Checks the result file of {@code unit}; a damaged or foreign file is a {@link CorruptResultException}. */
  void check(Path file, U unit) throws CorruptResultException;
}
