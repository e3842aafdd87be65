package org.nb201.space.algorithm;

/** What an algorithm needs to run, as the list of algorithms says it. */
public enum Needs {
  /** Benchmark-driven: queries a benchmark store with simulated time (RS, REA, REINFORCE, BOHB). */
  STORE("a benchmark store"),
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
