package org.nb201.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.nb201.search.runs.SearchRuns;

/** The analyses by their command-line names, each with the title and description the report shows. */
public enum Analysis {
  COST("cost", "Accuracy against cost",
      "Each cell's seed-mean final accuracy against its parameters and FLOPs, per dataset and split, with the ResNet"
          + " cell marked, and the best accuracy among cells with at most the ResNet cell's parameters (NAS-Bench-201"
          + " paper, figure 4)."),
  RANKS("ranks", "Rank agreement across datasets",
      "Pearson, Spearman and Kendall tau-b correlations of the final metrics over all cells and over the top cells,"
          + " and the relative ranking: cells sorted by the reference test metric, their ranks on the others (paper,"
          + " figures 5 and 6)."),
  TRAINING("training", "Rankings over training and cheap proxies",
      "How each epoch's ranking agrees with the final ranking, and the correlation of early and 12-epoch accuracies"
          + " (one random trial per cell, repeated) with the final metrics (paper, appendix table 6)."),
  OPS("ops", "Ops, edges and isomorphic cells",
      "The reference metric by op on each edge and by number of convolutions, the isomorphism classes of the space"
          + " and of the store, and how far separately trained isomorphic cells disagree."),
  MISSING("missing", "What the store holds and lacks",
      "The trial sets and their seeds, the final-epoch coverage of every split, the costs, and what is absent."),
  CELLS("cells", "The best cells",
      "Cells ranked by the reference test metric with a validation metric, FLOPs and params, reference cells marked."),
  SEARCH("search", "Search algorithms",
      "Per run folder: the summary of the returned cells and the anytime curve of the incumbent's reference metric"
          + " over simulated time (mean and standard deviation over runs); weight-sharing runs: accuracy per search"
          + " epoch."),
  PROXIES("proxies", "Training-free scores",
      "Spearman and Kendall tau-b of every stored training-free score set (nb201 proxies) with every final metric,"
          + " over the cells that have both, the vote of several proxies (zero-cost proxies paper, section 4), and"
          + " each score against the reference metric.");

  private final String key;
  private final String title;
  private final String description;

  Analysis(String key, String title, String description) {
    this.key = key;
    this.title = title;
    this.description = description;
  }

  public String key() {
    return key;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** What the analyses take besides the store. */
  public record Inputs(TrainingAnalysis.Options training, int cellLimit, List<SearchRuns> searches,
      List<String> vote) {
    public Inputs {
      searches = List.copyOf(searches);
      vote = List.copyOf(vote);
    }

    /** The proxies vote as the zero-cost paper ({@link ProxyAnalysis#PAPER_VOTE}). */
    public Inputs(TrainingAnalysis.Options training, int cellLimit, List<SearchRuns> searches) {
      this(training, cellLimit, searches, ProxyAnalysis.PAPER_VOTE);
    }

    /** The official repeats, seed 0, the top 20 cells, no search runs, the paper's vote. */
    public static Inputs defaults() {
      return new Inputs(TrainingAnalysis.Options.defaults(), 20, List.of());
    }

    /** These inputs with other voting proxies ({@code null} keeps them). */
    public Inputs withVote(List<String> proxies) {
      return proxies == null ? this : new Inputs(training, cellLimit, searches, proxies);
    }
  }

  /** Runs this analysis; the result is the analysis's own record ({@code CostAnalysis.Result}, ...). */
  public Object run(StoreData data, Inputs in) {
    return switch (this) {
      case COST -> CostAnalysis.run(data);
      case RANKS -> RankAgreement.run(data);
      case TRAINING -> TrainingAnalysis.run(data, in.training());
      case OPS -> OpsAnalysis.run(data);
      case MISSING -> MissingAnalysis.run(data);
      case CELLS -> CellRanking.run(data, in.cellLimit());
      case SEARCH -> SearchAnalysis.run(data, in.searches());
      case PROXIES -> ProxyAnalysis.run(data, in.vote());
    };
  }

  /** The analysis with this name; an error listing the valid names otherwise. */
  public static Analysis byKey(String key) {
    for (Analysis a : values()) {
      if (a.key.equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown analysis '" + key + "'; expected one of "
        + Arrays.stream(values()).map(Analysis::key).collect(Collectors.joining(", ")));
  }
}
