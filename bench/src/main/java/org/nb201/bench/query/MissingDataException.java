package org.nb201.bench.query;

/**
 * The store lacks what a query needs: an architecture, a (dataset, hp) trial set, a seed, a split
 * at an epoch, or a cost. The message names exactly which (index, dataset, hp, seed, split, epoch)
 * is absent. Partial stores are normal, so this is checked: a search can skip the architecture.
 */
public final class MissingDataException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int index;
  private final String dataset;

  public MissingDataException(int index, String dataset, String message) {
    super(message);
    this.index = index;
    this.dataset = dataset;
  }

  /** The architecture the query was about. */
  public int index() {
    return index;
  }

  /** The dataset the query was about. */
  public String dataset() {
    return dataset;
  }
}
