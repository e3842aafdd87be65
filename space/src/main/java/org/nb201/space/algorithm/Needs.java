package org.nb201.space.algorithm;

/** What an algorithm needs to run, as the list of algorithms says it. */
public enum Needs {
  /** Benchmark-driven: queries a benchmark store with simulated time (RS, REA, REINFORCE, BOHB). */
  STORE("a benchmark store"),
  /** Training-free: ranks cells by the scores a store holds ({@code nb201 proxies}), then queries it. */
  STORE_WITH_SCORES("a store with training-free scores (nb201 proxies)"),
  /** Weight-sharing: trains a supernet on data (RSPS, DARTS, GDAS, SETN, ENAS). */
  DATA_AND_SUPERNET("data and a supernet");

  private final String description;

  Needs(String description) {
    this.description = description;
  }

  /** The words for it: "a benchmark store". */
  public String description() {
    return description;
  }
}
