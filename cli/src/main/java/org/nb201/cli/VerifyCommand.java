package org.nb201.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.Callable;
import org.nb201.generate.Plan;
import org.nb201.generate.TrialSpec;
import org.nb201.generate.Verifier;
import org.nb201.generate.VerifyReport;
import org.nb201.generate.WorkUnit;
import org.nb201.generate.search.SearchPlan;
import org.nb201.generate.search.SearchRuns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 verify}: which trials of a plan are done, missing, corrupt or duplicated. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = "Check an output directory against its plan (trials or searches). Exit code 0 when complete, 3 when"
        + " not.")
final class VerifyCommand implements Callable<Integer> {
  /** Exit code when trials are missing or damaged. */
  static final int INCOMPLETE = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The output directory of 'nb201 generate'.")
  Path dir;

  @Option(names = "--plan", required = true, paramLabel = "plan.jsonl",
      description = "The plan the directory was generated from.")
  Path plan;

  @Option(names = "--list", description = "List every missing trial, not only the first 10.")
  boolean list;

  @Override
  public Integer call() throws IOException {
    if (SearchPlan.isSearchPlan(plan)) {
      return print(SearchRuns.verify(SearchPlan.read(plan), dir), "searches", "search", t -> t.describe());
    }
    VerifyReport r = Verifier.verify(Plan.read(plan), dir);
    return print(new Verifier.Completeness<>(r.done(), r.missing(), r.corrupt(), r.duplicated(), r.extra()), "trials",
        "trial", (TrialSpec t) -> String.format("index %d, %s, hp %d, seed %d", t.index(), t.dataset(), t.hp(),
            t.seed()));
  }

  /** Prints the report; missing units named by id and {@code describe}. */
  private <U extends WorkUnit> int print(Verifier.Completeness<U> r, String units, String unit,
      Function<U, String> describe) {
    PrintWriter out = spec.commandLine().getOut();
    int total = r.done().size() + r.missing().size() + r.corrupt().size();
    out.printf("%s: %d %s in the plan: %d done, %d missing, %d corrupt, %d duplicated in the ledger, "
        + "%d extra files%n",
        dir, total, units, r.done().size(), r.missing().size(), r.corrupt().size(), r.duplicated().size(),
        r.extra().size());
    int shown = 0;
    for (U t : r.missing()) {
      if (!list && shown++ == 10) {
        out.printf("  ... %d more missing (--list shows all)%n", r.missing().size() - 10);
        break;
      }
      out.printf("  missing   %s  (%s)%n", t.id(), describe.apply(t));
    }
    for (Map.Entry<String, String> e : r.corrupt().entrySet()) {
      out.println("  corrupt   " + e.getValue());
    }
    for (String id : r.duplicated()) {
      out.println("  duplicate " + id + " logged as done more than once");
    }
    for (String f : r.extra()) {
      out.println("  extra     " + f + " is not a " + unit + " of this plan");
    }
    out.println(r.complete() ? "complete" : "incomplete: rerun 'nb201 generate' with the same plan and directory");
    out.flush();
    return r.complete() ? 0 : INCOMPLETE;
  }
}
