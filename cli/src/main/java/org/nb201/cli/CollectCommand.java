package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nb201.generate.CollectReport;
import org.nb201.generate.Collector;
import org.nb201.generate.Plan;
import org.nb201.generate.search.SearchPlan;
import org.nb201.generate.search.SearchRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 collect}: merges verified results into a benchmark store. */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    description = {
      "Merge the verified results of an output directory into a store (written atomically).",
      "Corrupt results are refused and named (exit code 3); --add adds to an existing store.",
      "The searches of a search plan go into the store's searches table, one row per search epoch."
    })
final class CollectCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The output directory of 'nb201 generate'.")
  Path dir;

  @Option(names = "--plan", required = true, paramLabel = "plan.jsonl", description = "The plan of the directory.")
  Path plan;

  @Option(names = "--out", required = true, paramLabel = "STORE", description = "The store to write.")
  Path out;

  @Option(names = "--add", description = "Add to an existing store instead of refusing to overwrite it.")
  boolean add;

  @Override
  public Integer call() throws IOException {
    OutputTarget.appendable(out, "store", plan, dir);
    if (SearchPlan.isSearchPlan(plan)) {
      SearchRuns.Collected c = SearchRuns.collect(SearchPlan.read(plan), dir, out, add);
      PrintWriter w = spec.commandLine().getOut();
      w.printf("collected into %s: %d searches added (%d replacing one in the store), %d trials carried over,"
          + " %d missing, %d refused%n", c.store(), c.added(), c.replaced(), c.carriedOver(), c.missing(),
          c.refused().size());
      for (Map.Entry<String, String> e : c.refused().entrySet()) {
        w.println("  refused " + e.getValue());
      }
      w.flush();
      return c.refused().isEmpty() ? 0 : VerifyCommand.INCOMPLETE;
    }
    CollectReport r = Collector.collect(Plan.read(plan), dir, out, add);
    print(spec.commandLine().getOut(), r);
    return r.refused().isEmpty() ? 0 : VerifyCommand.INCOMPLETE;
  }

  static void print(PrintWriter out, CollectReport r) {
    out.printf("collected into %s: %d trials added, %d already in the store, %d carried over, %d missing, %d refused%n",
        r.store(), r.added(), r.alreadyInStore(), r.carriedOver(), r.missing(), r.refused().size());
    for (Map.Entry<String, String> e : r.refused().entrySet()) {
      out.println("  refused " + e.getValue());
    }
    out.flush();
  }
}
