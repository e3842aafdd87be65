package org.nb201.train.bench;

import org.nb201.space.SearchSpace;

/** Prints the official string of a cell given by index or string (for {@code compare.sh}). */
public final class ArchString {
  private ArchString() {}

  public static void main(String[] args) {
    System.out.println(SearchSpace.official().resolve(args[0]));
  }
}
