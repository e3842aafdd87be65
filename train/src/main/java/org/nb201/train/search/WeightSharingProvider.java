package org.nb201.train.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nb201.space.Dataset;
import org.nb201.space.algorithm.AlgorithmOption;
import org.nb201.space.algorithm.AlgorithmOptions;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Needs;
import org.nb201.space.algorithm.OptionValues;

/**
 * A weight-sharing method of {@link SearchMethods} in the algorithm registry: its name, a one-line description,
 * {@link Needs#DATA_AND_SUPERNET}, and its own numeric settings ({@link MethodOptions#own()}, e.g. GDAS's
 * {@code tau_max}) as options whose defaults are the official ones. The shared settings (data, epochs, shape,
 * seed, ...) are the front-end's own options; {@link #builder(Options)} puts both together.
 */
public final class WeightSharingProvider implements AlgorithmProvider {
  private static final Map<String, String> DESCRIPTIONS = Map.of(
      "rsps", "random search with parameter sharing (RANDOM-NAS.py): one random cell per batch, then the best"
          + " of 100 random cells on a validation batch",
      DartsV1.NAME, "first-order DARTS (DARTS-V1.py): softmax mixture, alternating weight and alpha steps",
      DartsV2.NAME, "second-order DARTS (DARTS-V2.py): unrolled alpha step with a finite-difference"
          + " Hessian-vector product",
      Gdas.NAME, "GDAS (GDAS.py): hard Gumbel-softmax sampling of one op per edge, temperature 10 to 0.1",
      "setn", "SETN (SETN.py): weights trained on cells sampled from alpha, then the best of its 100 likeliest"
          + " cells on a validation batch",
      "enas", "ENAS (ENAS.py): LSTM controller trained with REINFORCE on shared weights");
  private static final Map<String, String> OPTION_DESCRIPTIONS = Map.of(
      "hvp_r", "Finite-difference radius of the Hessian-vector product, R = r / ||v||",
      "tau_max", "Gumbel-softmax temperature at the first epoch",
      "tau_min", "Gumbel-softmax temperature at the last epoch",
      "select_num", "Candidate cells scored at the end of the search",
      "select_batch", "Validation batches each candidate is scored on");

  private final String name;
  private final List<AlgorithmOption> options;
  private final Map<String, Object> defaults;

  WeightSharingProvider(String name) {
    this.name = name;
    // the own settings' defaults do not depend on data; any dataset and folder build them
    MethodOptions d = SearchMethods.builder(name).setDataset(Dataset.FASHION_MNIST).setDataDir(Path.of("."))
        .build();
    List<AlgorithmOption> opts = new ArrayList<>();
    Map<String, Object> defs = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : d.own().entrySet()) {
      Class<?> type = e.getValue() instanceof Integer ? Integer.class
          : e.getValue() instanceof Double ? Double.class : null;
      if (type != null) {
        opts.add(new AlgorithmOption(e.getKey(), type, type == Integer.class ? "N" : "X",
            OPTION_DESCRIPTIONS.getOrDefault(e.getKey(), "The " + name + " setting " + e.getKey())));
        defs.put(e.getKey(), e.getValue());
      }
    }
    this.options = List.copyOf(opts);
    this.defaults = Collections.unmodifiableMap(defs);
  }

  /** One provider per name of {@link SearchMethods#names()}. */
  public static List<AlgorithmProvider> all() {
    return SearchMethods.names().stream().map(n -> (AlgorithmProvider) new WeightSharingProvider(n)).toList();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return DESCRIPTIONS.getOrDefault(name, "weight-sharing search " + name);
  }

  @Override
  public Needs needs() {
    return Needs.DATA_AND_SUPERNET;
  }

  @Override
  public List<AlgorithmOption> options() {
    return options;
  }

  @Override
  public Options parse(Map<String, String> values) {
    Map<String, Object> own = new LinkedHashMap<>(defaults);
    OptionValues v = OptionValues.of(this, values);
    for (AlgorithmOption o : options) {
      if (o.type() == Integer.class) {
        v.ifInt(o.key(), i -> own.put(o.key(), i));
      } else {
        v.ifDouble(o.key(), x -> own.put(o.key(), x));
      }
    }
    return new Options(name, own);
  }

  @Override
  public Options defaults() {
    return parse(Map.of());
  }

  /**
   * A builder of the method's options with the official defaults and the own settings of {@code options}; the
   * caller adds the shared settings and builds (which validates everything).
   */
  public static SearchSettings.Builder<?> builder(Options options) {
    SearchSettings.Builder<?> b = SearchMethods.builder(options.algorithm());
    options.describe().forEach((k, v) -> b.set(k, String.valueOf(v)));
    return b;
  }

  /** A method's own settings as the registry holds them, by key. */
  public record Options(String algorithm, Map<String, Object> describe) implements AlgorithmOptions {
    public Options {
      describe = Collections.unmodifiableMap(new LinkedHashMap<>(describe));
    }
  }
}
