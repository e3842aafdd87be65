package org.nb201.generate;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A worker process with the fake trainer, started as {@code nb201 worker} would be:
 * {@code <sleepMillis> <record file|null> --plan P --out O --threads T --parent-pid PID}.
 */
public final class FakeWorkerMain {
  public static void main(String[] args) throws Exception {
    Path plan = null;
    Path out = null;
    for (int i = 2; i < args.length; i += 2) {
      switch (args[i]) {
        case "--plan" -> plan = Path.of(args[i + 1]);
        case "--out" -> out = Path.of(args[i + 1]);
        case "--parent-pid" -> WorkerLoop.exitWithParent(Long.parseLong(args[i + 1]));
        default -> { } // --threads: the fake trainer has none
      }
    }
    Path record = args[1].equals("null") ? null : Path.of(args[1]);
    PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
        StandardCharsets.UTF_8);
    WorkerLoop.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), stdout,
        Plan.read(plan), out, new FakeExecutor(Long.parseLong(args[0]), record));
  }
}
