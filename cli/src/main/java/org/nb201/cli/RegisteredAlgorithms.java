package org.nb201.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.space.algorithm.AlgorithmOption;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Algorithms;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParseResult;

/**
 * The registered algorithms on a command line: adds every one's options to the command (one option per flag,
 * typed so that picocli reports unreadable values), names the algorithms in the usage line, lists them with what
 * each needs, and reads back the values given for one of them.
 */
final class RegisteredAlgorithms implements CommandLine.IModelTransformer {
  /**
   * The values {@code parsed} holds for the options of {@code chosen}, by option key. Options of the other
   * algorithms are checked by their owners and otherwise ignored, as {@code --lr} always was.
   */
  static Map<String, String> given(AlgorithmProvider chosen, ParseResult parsed) {
    Map<String, String> values = Map.of();
    for (AlgorithmProvider p : Algorithms.all()) {
      Map<String, String> given = givenOptions(p, parsed);
      if (p.name().equals(chosen.name())) {
        values = given;
      } else if (!given.isEmpty()) {
        p.parse(given);
      }
    }
    return values;
  }

  private static Map<String, String> givenOptions(AlgorithmProvider provider, ParseResult parsed) {
    Map<String, String> values = new LinkedHashMap<>();
    for (AlgorithmOption o : provider.options()) {
      if (parsed.hasMatchedOption(o.flag())) {
        values.put(o.key(), String.valueOf((Object) parsed.matchedOptionValue(o.flag(), null)));
      }
    }
    return values;
  }

  @Override
  public CommandSpec transform(CommandSpec spec) {
    Map<String, List<AlgorithmProvider>> owners = new LinkedHashMap<>();
    Map<String, AlgorithmOption> options = new LinkedHashMap<>();
    for (AlgorithmProvider p : Algorithms.all()) {
      for (AlgorithmOption o : p.options()) {
        AlgorithmOption first = options.putIfAbsent(o.flag(), o);
        if (first == null && spec.findOption(o.flag()) != null) {
          throw new IllegalStateException(p.name() + "'s option " + o.flag() + " clashes with a search option");
        }
        if (first != null && first.type() != o.type()) {
          throw new IllegalStateException(o.flag() + " has two types: " + first.type().getSimpleName() + " ("
              + owners.get(o.flag()).get(0).name() + ") and " + o.type().getSimpleName() + " (" + p.name() + ")");
        }
        owners.computeIfAbsent(o.flag(), f -> new ArrayList<>()).add(p);
      }
    }
    for (Map.Entry<String, AlgorithmOption> e : options.entrySet()) {
      List<String> help = new ArrayList<>();
      for (AlgorithmProvider p : owners.get(e.getKey())) {
        AlgorithmOption o = p.options().stream().filter(x -> x.flag().equals(e.getKey())).findFirst().orElseThrow();
        help.add(o.description() + " (" + p.name() + "; default: " + number(p.defaults().describe().get(o.key()))
            + ")");
      }
      spec.addOption(OptionSpec.builder(e.getKey()).type(e.getValue().type()).paramLabel(e.getValue().label())
          .description(escape(String.join("; ", help)) + ".").build());
    }
    PositionalParamSpec name = spec.positionalParameters().get(0);
    spec.remove(name);
    spec.addPositional(name.toBuilder().paramLabel("<" + String.join("|", Algorithms.names()) + ">").build());
    int column = 2 + Algorithms.names().stream().mapToInt(String::length).max().orElse(0) + 2;
    List<String> footer = new ArrayList<>();
    for (AlgorithmProvider p : Algorithms.all()) {
      String head = String.format(Locale.ROOT, "  %-" + (column - 2) + "s", p.name());
      footer.addAll(wrap(head, p.description() + "; needs " + p.needs().description(), column,
          spec.usageMessage().width()));
    }
    spec.usageMessage().footerHeading("%nAlgorithms:%n").footer(footer.stream().map(RegisteredAlgorithms::escape)
        .toArray(String[]::new));
    return spec;
  }

  /** A default as users type it: 12, not 12.0. */
  private static String number(Object v) {
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    return String.valueOf(v);
  }

  /** {@code text} after {@code head} in lines of at most {@code width}, continued at {@code column}. */
  private static List<String> wrap(String head, String text, int column, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(head);
    for (String word : text.split(" ")) {
      if (line.length() > column && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line = new StringBuilder(" ".repeat(column));
      }
      line.append(line.length() > column ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static String escape(String help) {
    return help.replace("%", "%%");
  }
}
