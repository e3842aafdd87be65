package org.nb201.analysis.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nb201.analysis.CostAnalysis;
import org.nb201.analysis.OpsAnalysis;
import org.nb201.analysis.ProxyAnalysis;
import org.nb201.analysis.RankAgreement;
import org.nb201.analysis.ReferenceCells;
import org.nb201.analysis.SearchAnalysis;
import org.nb201.analysis.TrainingAnalysis;

/** The charts of each analysis result (XChart, drawn headless; every point of the data is drawn). */
public final class Charts {
  static final int WIDTH = 640;
  static final int HEIGHT = 400;
  private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
    new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};

  private Charts() {}

  /** The charts of a result; empty for analyses that only have tables. */
  public static List<Figure> of(Object result) {
    if (result instanceof CostAnalysis.Result r) {
      return cost(r);
    } else if (result instanceof RankAgreement.Result r) {
      return ranks(r);
    } else if (result instanceof TrainingAnalysis.Result r) {
      return training(r);
    } else if (result instanceof OpsAnalysis.Result r) {
      return ops(r);
    } else if (result instanceof SearchAnalysis.Result r) {
      return search(r);
    } else if (result instanceof ProxyAnalysis.Result r) {
      return proxies(r);
    }
    return List.of();
  }

  static List<Figure> cost(CostAnalysis.Result r) {
    List<Figure> out = new ArrayList<>();
    List<String> datasets = r.series().stream().map(CostAnalysis.Series::dataset).distinct().toList();
    for (String d : datasets) {
      List<CostAnalysis.Series> ss = r.series().stream().filter(s -> s.dataset().equals(d)).toList();
      for (boolean params : new boolean[] {true, false}) {
        XYChart c = xy(d + " (hp " + ss.get(0).hp() + "): accuracy against " + (params ? "params" : "FLOPs"),
            params ? "params (millions)" : "FLOPs (millions)", "accuracy (%)");
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(markerSize(ss.get(0).cells()));
        int k = 0;
        List<double[]> resnet = new ArrayList<>();
        for (CostAnalysis.Series s : ss) {
          XYSeries x = c.addSeries(s.split(), params ? s.params() : s.flops(), s.accuracy());
          x.setMarker(marker(s.cells())).setMarkerColor(alpha(PALETTE[k++ % PALETTE.length], 110));
          if (Double.isFinite(s.resnetAccuracy())) {
            resnet.add(new double[] {params ? s.resnetParams() : s.resnetFlops(), s.resnetAccuracy()});
          }
        }
        if (!resnet.isEmpty()) {
          XYSeries x = c.addSeries("ResNet cell " + ReferenceCells.RESNET,
              resnet.stream().mapToDouble(p -> p[0]).toArray(), resnet.stream().mapToDouble(p -> p[1]).toArray());
          x.setMarker(SeriesMarkers.DIAMOND).setMarkerColor(Color.BLACK);
        }
        out.add(new Figure("Accuracy of every cell on " + d + " against its " + (params ? "parameters" : "FLOPs")
            + ", one colour per split; the ResNet cell as a black diamond.", c));
      }
    }
    return out;
  }

  static List<Figure> ranks(RankAgreement.Result r) {
    RankAgreement.Relative rel = r.relative();
    if (rel == null || rel.cells() == 0) {
      return List.of();
    }
    XYChart c = xy("relative ranking: cells sorted by " + rel.reference(), "cells ranked by " + rel.reference(),
        "rank on each metric");
    c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    c.getStyler().setMarkerSize(markerSize(rel.cells()));
    double[] x = new double[rel.cells()];
    Arrays.setAll(x, i -> i);
    int ref = rel.labels().indexOf(rel.reference());
    int k = 0;
    for (int m = 0; m < rel.labels().size(); m++) {
      if (m == ref) {
        continue;
      }
      double[] y = Arrays.stream(rel.ranks()[m]).asDoubleStream().toArray();
      c.addSeries(rel.labels().get(m), x, y).setMarker(marker(rel.cells()))
          .setMarkerColor(alpha(PALETTE[k++ % PALETTE.length], 90));
    }
    XYSeries line = c.addSeries(rel.reference(), x, x);
    line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
        .setLineColor(Color.BLACK);
    offGrid(c, -0.5, -0.5);
    return List.of(new Figure("Cells in ascending order of " + rel.reference() + " (x) and their rank on each other"
        + " metric (y); the closer to the diagonal, the better the rankings agree.", c));
  }

  static List<Figure> training(TrainingAnalysis.Result r) {
    List<Figure> out = new ArrayList<>();
    TrainingAnalysis.OverTraining o = r.overTraining();
    if (o != null) {
      XYChart c = xy("ranking over training: " + o.dataset() + " " + o.split() + " hp " + o.hp(), "epoch",
          "rank correlation");
      double[] e = Arrays.stream(o.epochs()).mapToDouble(v -> v + 1).toArray();
      line(c, "Spearman vs its final ranking", e, o.spearmanFinal(), PALETTE[0]);
      line(c, "Kendall tau-b vs its final ranking", e, o.kendallFinal(), PALETTE[1]);
      if (o.reference() != null) {
        line(c, "Spearman vs " + o.reference(), e, o.spearmanReference(), PALETTE[2]);
      }
      out.add(new Figure("How the ranking of " + o.dataset() + " " + o.split() + " after each epoch agrees with its"
          + " final ranking and with " + o.reference() + ".", c));
    }
    TrainingAnalysis.ProxyTable p = r.proxies();
    if (p != null && !p.proxies().isEmpty()) {
      CategoryChart c = category("proxy accuracy against final metrics (Pearson, mean of " + p.repeats() + ")",
          "final metric", "correlation");
      int k = 0;
      for (TrainingAnalysis.Proxy x : p.proxies()) {
        List<Double> y = Arrays.stream(x.mean()).mapToObj(Charts::orNull).toList();
        c.addSeries(x.label(), p.metrics(), y).setFillColor(PALETTE[k++ % PALETTE.length]);
      }
      out.add(new Figure("Correlation of the " + p.dataset() + " " + p.split() + " accuracy after a few epochs (one"
          + " random trial per cell) with each final metric, averaged over the repeats.", c));
    }
    return out;
  }

  static List<Figure> ops(OpsAnalysis.Result r) {
    if (r.metric() == null) {
      return List.of();
    }
    List<Figure> out = new ArrayList<>();
    CategoryChart c = category("mean " + r.metric() + " by the op on each edge", "edge", "mean accuracy (%)");
    List<String> edges = r.edges().stream().map(OpsAnalysis.EdgeOps::edge).toList();
    int ops = r.edges().get(0).ops().size();
    for (int o = 0; o < ops; o++) {
      final int op = o;
      List<Double> y = r.edges().stream().map(e -> orNull(e.ops().get(op).mean())).toList();
      c.addSeries(r.edges().get(0).ops().get(o).name(), edges, y).setFillColor(PALETTE[o % PALETTE.length]);
    }
    out.add(new Figure("Mean " + r.metric() + " of the cells that have each op on each edge.", c));
    CategoryChart k = category(r.metric() + " by number of convolutions", "convolutions in the cell", "accuracy (%)");
    List<String> names = r.byConvs().stream().map(OpsAnalysis.Group::name).toList();
    k.addSeries("mean", names, r.byConvs().stream().map(g -> orNull(g.mean())).toList()).setFillColor(PALETTE[0]);
    k.addSeries("median", names, r.byConvs().stream().map(g -> orNull(g.median())).toList()).setFillColor(PALETTE[2]);
    k.addSeries("best", names, r.byConvs().stream().map(g -> orNull(g.max())).toList()).setFillColor(PALETTE[1]);
    out.add(new Figure("Mean, median and best " + r.metric() + " of the cells with 0 to 6 convolutions.", k));
    return out;
  }

  static List<Figure> search(SearchAnalysis.Result r) {
    List<Figure> out = new ArrayList<>();
    List<SearchAnalysis.RunSet> any = r.sets().stream().filter(s -> s.anytime() != null).toList();
    if (!any.isEmpty()) {
      XYChart c = xy("incumbent's " + r.metric() + " over simulated time", "simulated seconds", r.metric() + " (%)");
      int k = 0;
      for (SearchAnalysis.RunSet s : any) {
        band(c, s.folder(), s.anytime(), PALETTE[k++ % PALETTE.length]);
      }
      out.add(new Figure("Mean (line) and mean +- one standard deviation (dashed) over runs of the " + r.metric()
          + " of each run's current answer.", c));
    }
    List<SearchAnalysis.RunSet> ws = r.sets().stream().filter(s -> s.epochs() != null).toList();
    if (!ws.isEmpty()) {
      XYChart c = xy(r.metric() + " of the genotype per search epoch", "search epoch", r.metric() + " (%)");
      int k = 0;
      for (SearchAnalysis.RunSet s : ws) {
        SearchAnalysis.Curve e = s.epochs();
        double[] x = Arrays.stream(e.x()).map(v -> v + 1).toArray();
        band(c, s.folder(), new SearchAnalysis.Curve(e.metric(), x, e.mean(), e.std(), e.runs()),
            PALETTE[k++ % PALETTE.length]);
      }
      out.add(new Figure("Weight-sharing runs: " + r.metric() + " of the genotype derived after each search epoch"
          + " (mean and +- one standard deviation over runs).", c));
    }
    return out;
  }

  /**
   * Adds one invisible point off the grid of the data. When every distinct x (or y) value of an XY
   * chart is equally spaced, XChart 3.8 formats and fits a tick label for each of them: measured
   * 0.9 to 2.6 s of CPU for the 15,625 ranks of the relative-ranking chart, 0.1 s with this point.
   */
  private static void offGrid(XYChart c, double x, double y) {
    XYSeries s = c.addSeries(" ", new double[] {x}, new double[] {y});
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter).setMarker(SeriesMarkers.NONE);
    s.setShowInLegend(false);
  }

  private static void band(XYChart c, String name, SearchAnalysis.Curve curve, Color color) {
    List<double[]> pts = new ArrayList<>();
    for (int k = 0; k < curve.x().length; k++) {
      if (curve.runs()[k] > 0) {
        pts.add(new double[] {curve.x()[k], curve.mean()[k], curve.std()[k]});
      }
    }
    if (pts.isEmpty()) {
      return;
    }
    double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
    line(c, name, x, pts.stream().mapToDouble(p -> p[1]).toArray(), color);
    for (int sign : new int[] {1, -1}) {
      XYSeries s = c.addSeries(name + (sign > 0 ? " +std" : " -std"), x,
          pts.stream().mapToDouble(p -> p[1] + sign * p[2]).toArray());
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
          .setLineColor(alpha(color, 140)).setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT,
              BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
      s.setShowInLegend(false);
    }
  }

  private static void line(XYChart c, String name, double[] x, double[] y, Color color) {
    int n = 0;
    double[] xs = new double[x.length];
    double[] ys = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      if (Double.isFinite(y[k])) {
        xs[n] = x[k];
        ys[n++] = y[k];
      }
    }
    if (n == 0) {
      return;
    }
    XYSeries s = c.addSeries(name, Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE).setLineColor(color);
  }

  static List<Figure> proxies(ProxyAnalysis.Result r) {
    List<Figure> out = new ArrayList<>();
    int k = 0;
    for (ProxyAnalysis.Scatter s : r.scatters()) {
      boolean log = ProxyAnalysis.logScale(s);
      XYChart c = xy(s.proxy() + " against " + s.metric(), s.proxy() + (log ? " (log scale)" : ""), s.metric()
          + " accuracy (%)");
      c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      c.getStyler().setMarkerSize(markerSize(s.cells()));
      c.getStyler().setXAxisLogarithmic(log);
      c.getStyler().setLegendVisible(false);
      double[] xs = s.score();
      double[] ys = s.accuracy();
      int left = 0;
      if (log) { // a log axis cannot show a score of 0 or less
        int n = 0;
        xs = new double[s.cells()];
        ys = new double[s.cells()];
        for (int i = 0; i < s.cells(); i++) {
          if (s.score()[i] > 0) {
            xs[n] = s.score()[i];
            ys[n++] = s.accuracy()[i];
          }
        }
        left = s.cells() - n;
        xs = Arrays.copyOf(xs, n);
        ys = Arrays.copyOf(ys, n);
      }
      XYSeries x = c.addSeries(s.proxy(), xs, ys);
      x.setMarker(marker(s.cells())).setMarkerColor(alpha(PALETTE[k++ % PALETTE.length], 110));
      out.add(new Figure(String.format(Locale.ROOT, "%s: score of each of the %d cells with both against its %s;"
          + " Spearman %.3f%s.", s.set(), s.cells(), s.metric(), s.spearman(), left == 0 ? ""
              : "; " + left + (left == 1 ? " cell" : " cells") + " scoring 0 or less not drawn on the log axis"), c));
    }
    return out;
  }

  private static XYChart xy(String title, String xTitle, String yTitle) {
    XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
        .build();
    style(c.getStyler());
    c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    return c;
  }

  private static CategoryChart category(String title, String xTitle, String yTitle) {
    CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    style(c.getStyler());
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    c.getStyler().setAvailableSpaceFill(0.8);
    return c;
  }

  private static void style(AxesChartStyler s) {
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setLegendBorderColor(new Color(0xdddddd));
    s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    s.setLocale(Locale.ROOT);
  }

  /** Circles for a few points; squares (drawn about twice as fast, the same at 2 pixels) for thousands. */
  private static Marker marker(int points) {
    return points > 5000 ? SeriesMarkers.SQUARE : SeriesMarkers.CIRCLE;
  }

  /** Markers small enough that 15,625 cells stay readable, large enough to see a handful. */
  private static int markerSize(int points) {
    return points > 5000 ? 2 : points > 500 ? 4 : 8;
  }

  /** A bar's value, or null (no bar) when unknown: a missing value is never drawn as 0. */
  private static Double orNull(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static Color alpha(Color c, int a) {
    return new Color(c.getRed(), c.getGreen(), c.getBlue(), a);
  }
}
