package org.nb201.cli;

import java.io.PrintWriter;
import java.util.List;
import org.nb201.space.Arch;
import org.nb201.space.Cost;
import org.nb201.space.CostModel;
import org.nb201.space.Dataset;
import org.nb201.space.Edge;
import org.nb201.space.Isomorphism;
import org.nb201.space.SearchSpace;
import org.nb201.space.SpaceTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code nb201 space}: the 15,625 cells, their official indices, classes and costs. */
@Command(
    name = "space",
    mixinStandardHelpOptions = true,
    description = "The NAS-Bench-201 search space: list, show and index cells.",
    subcommands = {SpaceCommand.ListCommand.class, SpaceCommand.ShowCommand.class, SpaceCommand.IndexCommand.class})
final class SpaceCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = {
        "Print all 15,625 cells in official index order.",
        "Columns: index, arch, unique (smallest index of the official isomorphism class),",
        "valid (an input-to-output path exists), flops and params (millions) for --dataset."
      })
  static final class ListCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", defaultValue = "cifar10", paramLabel = "D",
        description = "Dataset whose network costs are printed (default: ${DEFAULT-VALUE}); one of "
            + "cifar10-valid, cifar10, cifar100, ImageNet16-120, fashion-mnist.")
    String dataset;

    @Option(names = "--format", defaultValue = "tsv", paramLabel = "tsv|json",
        description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public void run() {
      Dataset d = Dataset.byKey(dataset);
      boolean json = switch (format) {
        case "tsv" -> false;
        case "json" -> true;
        default -> throw new IllegalArgumentException("unknown format '" + format + "'; expected tsv or json");
      };
      PrintWriter out = spec.commandLine().getOut();
      SpaceTable.write(SearchSpace.official(), d, json, out);
      out.flush();
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Describe one cell: string forms, ops per edge, isomorphism class, validity, neighbours, costs.")
  static final class ShowCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<index|arch>",
        description = "An index 0..15624 or a cell: official string, str2lists form or 4x4 matrix.")
    String cell;

    @Override
    public void run() {
      SearchSpace space = SearchSpace.official();
      Arch a = space.resolve(cell);
      int i = space.indexOf(a);
      PrintWriter out = spec.commandLine().getOut();
      out.println("index        " + i);
      out.println("arch         " + a);
      out.println("lists        " + a.toListsString());
      out.println("matrix       " + a.toMatrixString());
      out.println("ops per edge");
      for (Edge e : Edge.ALL) {
        out.println("  " + e + "        " + a.op(e.index()));
      }
      out.println("valid        " + a.isValid() + (a.isValid() ? "" : " (no path from input to output)"));
      for (Isomorphism mode : List.of(Isomorphism.OFFICIAL, Isomorphism.IGNORE_ZERO)) {
        out.printf("unique%s  %d (class of %d cells; key %s)%n",
            mode == Isomorphism.OFFICIAL ? "      " : "/noz  ",
            space.uniqueClass(i, mode), space.classSize(i, mode), a.uniqueString(mode));
      }
      out.println("costs        dataset          MFLOPs      Mparams");
      for (Dataset d : Dataset.values()) {
        Cost c = CostModel.cost(a, d);
        out.printf("             %-16s %-11s %s%n", d.key(), c.mflopsText(), c.mparamsText());
      }
      out.println("neighbours   (24 cells one edge away)");
      for (Arch n : a.neighbours()) {
        out.printf("  %5d  %s%n", space.indexOf(n), n);
      }
      out.flush();
    }
  }

  @Command(name = "index", mixinStandardHelpOptions = true, description = "Print the official index of a cell.")
  static final class IndexCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "<arch>", description = "A cell: official string, str2lists form or 4x4 matrix.")
    String cell;

    @Override
    public void run() {
      SearchSpace space = SearchSpace.official();
      spec.commandLine().getOut().println(space.indexOf(space.resolve(cell)));
      spec.commandLine().getOut().flush();
    }
  }
}
