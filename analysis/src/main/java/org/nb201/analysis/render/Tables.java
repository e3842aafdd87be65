package org.nb201.analysis.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nb201.analysis.CellRanking;
import org.nb201.analysis.CostAnalysis;
import org.nb201.analysis.MissingAnalysis;
import org.nb201.analysis.OpsAnalysis;
import org.nb201.analysis.ProxyAnalysis;
import org.nb201.analysis.RankAgreement;
import org.nb201.analysis.ReferenceCells;
import org.nb201.analysis.SearchAnalysis;
import org.nb201.analysis.TrainingAnalysis;
import org.nb201.analysis.stats.CorrelationMatrix;
import org.nb201.bench.store.StoreReader;
import org.nb201.space.Arch;

/** The tables of each analysis result, as the terminal and the report show them. */
public final class Tables {
  /** Epochs listed in the text table of the ranking over training (the JSON and the chart have all). */
  static final int[] LISTED_EPOCHS = {1, 2, 3, 5, 10, 12, 25, 50, 100, 150, 175, 200};

  private Tables() {}

  /** The tables of a result of any analysis; notes of the whole result go with the last table. */
  public static List<Table> of(Object result) {
    if (result instanceof CostAnalysis.Result r) {
      return cost(r);
    } else if (result instanceof RankAgreement.Result r) {
      return ranks(r);
    } else if (result instanceof TrainingAnalysis.Result r) {
      return training(r);
    } else if (result instanceof OpsAnalysis.Result r) {
      return ops(r);
    } else if (result instanceof MissingAnalysis.Result r) {
      return missing(r);
    } else if (result instanceof CellRanking.Result r) {
      return cells(r);
    } else if (result instanceof SearchAnalysis.Result r) {
      return search(r);
    } else if (result instanceof ProxyAnalysis.Result r) {
      return proxies(r);
    }
    throw new IllegalArgumentException("no tables for " + result.getClass().getSimpleName());
  }

  /** The notes of a result: what it could not compute and why. */
  public static List<String> notes(Object result) {
    if (result instanceof CostAnalysis.Result r) {
      return r.notes();
    } else if (result instanceof RankAgreement.Result r) {
      return r.notes();
    } else if (result instanceof TrainingAnalysis.Result r) {
      return r.notes();
    } else if (result instanceof OpsAnalysis.Result r) {
      return r.notes();
    } else if (result instanceof MissingAnalysis.Result r) {
      return r.notes();
    } else if (result instanceof CellRanking.Result r) {
      return r.notes();
    } else if (result instanceof SearchAnalysis.Result r) {
      return r.notes();
    } else if (result instanceof ProxyAnalysis.Result r) {
      return r.notes();
    }
    return List.of();
  }

  static List<Table> cost(CostAnalysis.Result r) {
    Table.Builder t = new Table.Builder("accuracy against cost: the ResNet cell " + ReferenceCells.RESNET
        + " and the best cells (accuracy %, params in millions)", "dataset", "split", "hp", "cells", "ResNet",
        "ResNet Mparams", "best", "best index", "within ResNet params", "its index", "cells within",
        "Spearman acc~params", "Spearman acc~FLOPs");
    for (CostAnalysis.Series s : r.series()) {
      t.row(s.dataset(), s.split(), Integer.toString(s.hp()), Integer.toString(s.cells()),
          Format.acc(s.resnetAccuracy()), Format.fixed(s.resnetParams(), 4), Format.acc(s.bestAccuracy()),
          Format.index(s.bestIndex()), Format.acc(s.bestWithinResnetAccuracy()),
          Format.index(s.bestWithinResnetIndex()),
          Integer.toString(s.cellsWithinResnetParams()), Format.corr(s.spearmanParams()),
          Format.corr(s.spearmanFlops()));
    }
    r.notes().forEach(t::note);
    return List.of(t.build());
  }

  static List<Table> ranks(RankAgreement.Result r) {
    List<Table> out = new ArrayList<>();
    for (RankAgreement.Subset s : r.subsets()) {
      if (s.cells() < 2) {
        continue; // the result's notes say why
      }
      for (CorrelationMatrix m : List.of(s.pearson(), s.spearman(), s.kendall())) {
        out.add(matrix(m.method().title() + ", " + s.name() + " (" + s.cells() + " cells)", m));
      }
    }
    if (r.relative() != null) {
      out.add(new Table.Builder("relative ranking: " + r.relative().cells() + " cells with every metric, sorted by "
          + r.relative().reference() + " (the chart shows their ranks on the other metrics)", List.of()).build());
    }
    return withNotes(out, r.notes(), "rank agreement");
  }

  static Table matrix(String title, CorrelationMatrix m) {
    List<String> header = new ArrayList<>();
    header.add("");
    header.addAll(m.labels());
    Table.Builder t = new Table.Builder(title, header);
    for (int i = 0; i < m.labels().size(); i++) {
      List<String> row = new ArrayList<>();
      row.add(m.labels().get(i));
      for (int j = 0; j < m.labels().size(); j++) {
        row.add(Format.corr(m.values()[i][j]));
      }
      t.row(row);
    }
    return t.build();
  }

  static List<Table> training(TrainingAnalysis.Result r) {
    List<Table> out = new ArrayList<>();
    TrainingAnalysis.OverTraining o = r.overTraining();
    if (o != null) {
      Table.Builder t = new Table.Builder("ranking over training: " + o.dataset() + " " + o.split() + " hp " + o.hp()
          + " at each epoch against its final ranking and against " + o.reference(), "epoch", "cells",
          "Spearman vs final", "Kendall vs final", "Spearman vs " + o.reference());
      for (int k = 0; k < o.epochs().length; k++) {
        int e = o.epochs()[k] + 1;
        if (o.epochs().length <= 20 || contains(LISTED_EPOCHS, e) || k == o.epochs().length - 1) {
          t.row(Integer.toString(e), Integer.toString(o.cells()[k]), Format.corr(o.spearmanFinal()[k]),
              Format.corr(o.kendallFinal()[k]), Format.corr(o.spearmanReference()[k]));
        }
      }
      if (o.epochs().length > 20) {
        t.note("epochs are 1-based; " + o.epochs().length + " recorded, a selection listed (--json has all)");
      }
      out.add(t.build());
    }
    TrainingAnalysis.ProxyTable p = r.proxies();
    if (p != null) {
      List<String> header = new ArrayList<>(List.of("proxy: " + p.dataset() + " " + p.split()));
      header.addAll(p.metrics());
      Table.Builder t = new Table.Builder("Pearson correlation of a proxy accuracy with the final metrics (a random"
          + " trial each, " + p.repeats() + " repeats, mean +- std, seed " + p.seed() + ")", header);
      for (TrainingAnalysis.Proxy x : p.proxies()) {
        List<String> row = new ArrayList<>(List.of(x.label()));
        for (int m = 0; m < x.mean().length; m++) {
          row.add(Format.meanStd(x.mean()[m], x.std()[m], 3));
        }
        t.row(row);
      }
      out.add(t.build());
    }
    return withNotes(out, r.notes(), "training");
  }

  static List<Table> ops(OpsAnalysis.Result r) {
    List<Table> out = new ArrayList<>();
    if (r.metric() != null) {
      List<String> header = new ArrayList<>(List.of("edge"));
      r.edges().get(0).ops().forEach(g -> header.add(g.name()));
      Table.Builder t = new Table.Builder("mean " + r.metric() + " by the op on each edge (cells)", header);
      for (OpsAnalysis.EdgeOps e : r.edges()) {
        List<String> row = new ArrayList<>(List.of(e.edge()));
        e.ops().forEach(g -> row.add(Format.acc(g.mean()) + " (" + g.cells() + ")"));
        t.row(row);
      }
      out.add(t.build());
      Table.Builder c = new Table.Builder(r.metric() + " by number of convolutions (nor_conv_1x1 or nor_conv_3x3)",
          "convs", "cells", "mean", "std", "median", "best");
      for (OpsAnalysis.Group g : r.byConvs()) {
        c.row(g.name(), Integer.toString(g.cells()), Format.acc(g.mean()), Format.acc(g.std()), Format.acc(g.median()),
            Format.acc(g.max()));
      }
      if (r.invalid() != null && r.invalid().cells() > 0) {
        OpsAnalysis.Group g = r.invalid();
        c.row("invalid (no path)", Integer.toString(g.cells()), Format.acc(g.mean()), Format.acc(g.std()),
            Format.acc(g.median()), Format.acc(g.max()));
      }
      out.add(c.build());
    }
    Table.Builder iso = new Table.Builder("isomorphism classes of the space and of the store's cells"
        + (r.metric() == null ? "" : " with " + r.metric()), "mode", "classes in space", "cells", "classes covered",
        "classes with 2+ cells", "mean spread", "largest spread", "its class");
    for (OpsAnalysis.Classes k : r.classes()) {
      iso.row(k.mode(), Integer.toString(k.spaceClasses()), Integer.toString(k.cells()),
          Integer.toString(k.coveredClasses()), Integer.toString(k.multiCellClasses()), Format.acc(k.meanSpread()),
          Format.acc(k.maxSpread()), Format.index(k.maxSpreadClass()));
    }
    iso.note("valid cells (an input-to-output path): " + r.validInSpace() + " of " + Arch.COUNT + " in the space, "
        + r.validCells() + " in the store; spread = best - worst value within a class (trained separately)");
    out.add(iso.build());
    return withNotes(out, r.notes(), "ops");
  }

  static List<Table> missing(MissingAnalysis.Result r) {
    List<Table> out = new ArrayList<>();
    Table.Builder t = new Table.Builder("trial sets", "dataset", "hp", "trials", "cells", "cells without", "seeds");
    for (StoreReader.TrialSet s : r.trialSets()) {
      t.row(s.dataset(), Integer.toString(s.hp()), Format.count(s.trials()), Format.count(s.archs()),
          Format.count(Arch.COUNT - s.archs()), s.seeds());
    }
    out.add(t.build());
    Table.Builder c = new Table.Builder("final-epoch accuracy per split (cells)", "dataset", "hp", "split",
        "with rows", "some trial", "every trial", "without");
    for (StoreReader.SplitCoverage s : r.splits()) {
      c.row(s.dataset(), Integer.toString(s.hp()), s.split(), Format.count(s.archs()), Format.count(s.valued()),
          Format.count(s.complete()), Format.count(Arch.COUNT - s.valued()));
    }
    out.add(c.build());
    Table.Builder k = new Table.Builder("costs (cells)", "dataset", "FLOPs", "params", "latency");
    for (MissingAnalysis.Costs s : r.costs()) {
      k.row(s.dataset(), Integer.toString(s.flops()), Integer.toString(s.params()), Integer.toString(s.latency()));
    }
    out.add(k.build());
    return withNotes(out, r.notes(), "coverage");
  }

  static List<Table> cells(CellRanking.Result r) {
    if (r.test() == null) {
      return withNotes(new ArrayList<>(), r.notes(), "cells");
    }
    String valid = r.valid() == null ? "valid" : r.valid();
    Table.Builder t = new Table.Builder("cells by " + r.test() + " (" + r.rows().size() + " of " + r.cells() + ")",
        "rank", "index", r.test(), valid, "MFLOPs", "Mparams", "arch");
    for (CellRanking.Row x : r.rows()) {
      t.row(Integer.toString(x.rank()), Integer.toString(x.index()), Format.acc(x.test()), Format.acc(x.valid()),
          Format.fixed(x.flops(), 3), Format.fixed(x.params(), 4), x.arch() + (x.reference() ? "  *" : ""));
    }
    t.note(String.format(Locale.ROOT, "* reference cells; Spearman rank correlation over the %d cells: params vs %s"
        + " %s, FLOPs vs %s %s, %s vs %s %s", r.cells(), r.test(), Format.corr(r.spearmanParams()), r.test(),
        Format.corr(r.spearmanFlops()), valid, r.test(), Format.corr(r.spearmanValid())));
    return withNotes(new ArrayList<>(List.of(t.build())), r.notes(), "cells");
  }

  static List<Table> search(SearchAnalysis.Result r) {
    List<Table> out = new ArrayList<>();
    for (SearchAnalysis.RunSet s : r.sets()) {
      String name = s.folder().equals(s.algorithm()) ? s.folder() : s.folder() + " (" + s.algorithm() + ")";
      StringBuilder opts = new StringBuilder();
      s.options().forEach((k, v) -> opts.append(", ").append(k).append(' ').append(v));
      Table.Builder t = new Table.Builder(String.format(Locale.ROOT, "%s: %d runs, budget %.0f simulated s, seed %d%s,"
          + " signal %s; evaluated cells per run %.1f, simulated time per run %.1f s", name, s.runs(), s.budget(),
          s.seed(), opts, s.signal(), s.meanEvaluated(), s.meanUsedTime()), "accuracy (%)", "mean", "std", "runs");
      for (SearchAnalysis.Stat st : s.stats()) {
        t.row(st.metric(), Format.acc(st.mean()), Format.acc(st.std()), Integer.toString(st.runs()));
      }
      out.add(t.build());
    }
    List<SearchAnalysis.RunSet> curves = r.sets().stream().filter(s -> s.anytime() != null).toList();
    if (!curves.isEmpty()) {
      Table.Builder t = new Table.Builder("incumbent's " + r.metric() + " over simulated time (mean +- std over runs;"
          + " fraction of the budget)", "algorithm", "10 %", "25 %", "50 %", "75 %", "100 %");
      for (SearchAnalysis.RunSet s : curves) {
        SearchAnalysis.Curve c = s.anytime();
        List<String> row = new ArrayList<>(List.of(s.folder()));
        for (int pct : new int[] {10, 25, 50, 75, 100}) {
          int k = pct * (c.x().length - 1) / 100;
          row.add(Format.meanStd(c.mean()[k], c.std()[k], 2));
        }
        t.row(row);
      }
      out.add(t.build());
    }
    for (SearchAnalysis.RunSet s : r.sets()) {
      if (s.epochs() != null) {
        SearchAnalysis.Curve c = s.epochs();
        Table.Builder t = new Table.Builder(s.folder() + ": " + r.metric() + " of the genotype after each search epoch",
            "epoch", "runs", "mean", "std");
        for (int k = 0; k < c.x().length; k++) {
          t.row(Integer.toString((int) c.x()[k] + 1), Integer.toString(c.runs()[k]), Format.acc(c.mean()[k]),
              Format.acc(c.std()[k]));
        }
        out.add(t.build());
      }
    }
    return withNotes(out, r.notes(), "search");
  }

  static List<Table> proxies(ProxyAnalysis.Result r) {
    List<Table> out = new ArrayList<>();
    if (!r.sets().isEmpty()) {
      Table.Builder t = new Table.Builder("training-free score sets in the store", "proxy set", "cells scored",
          "finite", "scoring s");
      for (ProxyAnalysis.ScoreSet s : r.sets()) {
        t.row(s.name(), Format.count(s.scored()), Format.count(s.finite()), Format.fixed(s.seconds(), 1));
      }
      out.add(t.build());
    }
    if (!r.rows().isEmpty()) {
      Table.Builder t = new Table.Builder("rank correlation of each score with each final metric, over the cells with"
          + " both (the vote: tau-b of the majority's pairwise order)", "metric", "proxy", "set", "cells", "Spearman",
          "Kendall tau-b");
      for (String m : r.metrics()) {
        for (ProxyAnalysis.Row x : r.rows()) {
          if (x.metric().equals(m)) {
            t.row(m, x.proxy(), x.set(), Format.count(x.cells()), Format.corr(x.spearman()), Format.corr(x.kendall()));
          }
        }
      }
      out.add(t.build());
    }
    return withNotes(out, r.notes(), "training-free scores");
  }

  private static List<Table> withNotes(List<Table> tables, List<String> notes, String what) {
    if (notes.isEmpty()) {
      return tables;
    }
    List<Table> out = new ArrayList<>(tables);
    out.add(new Table(what + ": what is missing or left out", List.of(), List.of(), notes));
    return out;
  }

  private static boolean contains(int[] xs, int x) {
    for (int v : xs) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }
}
