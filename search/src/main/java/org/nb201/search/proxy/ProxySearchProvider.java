package org.nb201.search.proxy;

import java.util.Map;
import org.nb201.space.algorithm.AlgorithmProvider;
import org.nb201.space.algorithm.Needs;
import org.nb201.space.algorithm.OptionValues;

/**
 * Registers training-free search, so that the list of algorithms names it. Its settings (the proxy, the
 * sample size) are the command's own; {@link #parse} accepts none and gives the defaults.
 */
public final class ProxySearchProvider implements AlgorithmProvider {
  @Override
  public String name() {
    return ProxySearchOptions.NAME;
  }

  @Override
  public String description() {
    return "training-free search (NASWOT's protocol): the best of --sample random cells by a stored proxy";
  }

  @Override
  public Needs needs() {
    return Needs.STORE_WITH_SCORES;
  }

  @Override
  public ProxySearchOptions parse(Map<String, String> values) {
    OptionValues.of(this, values);
    return ProxySearchOptions.builder().build();
  }
}
