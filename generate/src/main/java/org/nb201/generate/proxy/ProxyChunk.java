package org.nb201.generate.proxy;

import java.util.List;
import java.util.stream.Collectors;
import org.nb201.generate.WorkUnit;
import org.nb201.space.SearchSpace;

/**
 * A few cells of a {@link ProxyJob}, scored together and kept in one result file: the unit of
 * resumption of {@code nb201 proxies} (a killed run loses at most the chunk it was computing).
 */
public record ProxyChunk(ProxyJob job, List<Integer> indices) implements WorkUnit {
  public ProxyChunk {
    indices = List.copyOf(indices);
    if (indices.isEmpty()) {
      throw new IllegalArgumentException("a proxy chunk needs at least one cell");
    }
    indices.forEach(SearchSpace::checkIndex);
  }

  @Override
  public String id() {
    return ProxyJob.hash("nb201-proxy-chunk-v1|" + job.canonical() + "|"
        + indices.stream().map(String::valueOf).collect(Collectors.joining(",")));
  }
}
