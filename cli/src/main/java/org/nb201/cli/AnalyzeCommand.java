package org.nb201.cli;

import java.io.PrintWriter;
import java.util.List;
import org.nb201.analysis.Analysis;
import org.nb201.analysis.ProxyAnalysis;
import org.nb201.analysis.StoreData;
import org.nb201.analysis.render.JsonRenderer;
import org.nb201.analysis.render.Tables;
import org.nb201.analysis.render.TextRenderer;
import org.nb201.bench.query.Nb201Api;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code nb201 analyze}: one of the paper's diagnostic analyses of a store, as tables or JSON. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = {
      "Analyse a store (any: full, imported, partial or generated) and print tables, or --json.",
      "  cost      accuracy against params and FLOPs per dataset and split, the ResNet cell, the best",
      "            cell within the ResNet cell's params",
      "  ranks     Pearson / Spearman / Kendall tau-b matrices of the final metrics, all and top cells",
      "  training  each epoch's ranking against the final one; early and hp 12 accuracies against the",
      "            final metrics (a random trial each, --repeats times: the paper's appendix table)",
      "  ops       accuracy by op on each edge and by number of convs; isomorphism classes",
      "  missing   trial sets, per-split coverage, costs, what the store lacks",
      "  cells     the best cells (--top) with valid/test accuracy, FLOPs and params",
      "  search    search-run folders (--search, written by 'nb201 search --out'): summaries and",
      "            anytime curves",
      "  proxies   Spearman and Kendall tau-b of every stored training-free score set ('nb201 proxies')",
      "            with every final metric, over the cells that have both, and the vote of several",
      "            proxies (--vote)"
    })
final class AnalyzeCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "<cost|ranks|training|ops|missing|cells|search|proxies>", description = "The analysis.")
  String what;

  @CommandLine.Mixin AnalysisOptions options;

  @Option(names = "--json", description = "Print the result as JSON (with provenance: the store and its SHA-256).")
  boolean json;

  @Option(names = "--vote", split = ",", paramLabel = "P,P,...", description = "proxies: the proxies that vote"
      + " (default: synflow,jacob_cov,snip as the zero-cost paper, where the store has all three).")
  List<String> vote;

  @Override
  public void run() {
    Analysis analysis = Analysis.byKey(what);
    if (!options.searches.isEmpty() && analysis != Analysis.SEARCH) {
      throw new IllegalArgumentException("--search is for 'nb201 analyze search' (or 'nb201 report')");
    }
    if (vote != null && analysis != Analysis.PROXIES) {
      throw new IllegalArgumentException("--vote is for 'nb201 analyze proxies' (or 'nb201 report')");
    }
    Analysis.Inputs inputs = options.inputs().withVote(vote);
    PrintWriter out = spec.commandLine().getOut();
    try (Nb201Api api = Nb201Api.open(options.store)) {
      StoreData data = StoreData.of(api, json || analysis == Analysis.SEARCH);
      Object result = analysis.run(data, inputs);
      if (result instanceof ProxyAnalysis.Result p && p.sets().isEmpty()) {
        throw new IllegalArgumentException(p.notes().get(0));
      }
      if (json) {
        out.println(JsonRenderer.render(result));
      } else {
        out.println("store " + data.identity().describe());
        out.println();
        out.print(TextRenderer.render(Tables.of(result)));
      }
    }
    out.flush();
  }
}
