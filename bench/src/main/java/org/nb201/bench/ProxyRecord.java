package org.nb201.bench;

import org.nb201.space.SearchSpace;

/**
 * One training-free score of one architecture: its {@link ProxySet}, the value ({@code NaN} when
 * the score is not a finite number; {@code note} then says why, and stores hold no number), the
 * wall seconds it took to compute, and a note ({@code null} for a plain value).
 */
public record ProxyRecord(int index, ProxySet set, double value, double seconds, String note) {
  public ProxyRecord {
    SearchSpace.checkIndex(index);
    if (set == null) {
      throw new IllegalArgumentException("a proxy score needs its proxy set");
    }
    if (!Double.isFinite(value)) {
      if (note == null || note.isBlank()) {
        note = Double.isNaN(value) ? "NaN" : value > 0 ? "+inf" : "-inf";
      }
      value = Double.NaN;
    }
  }

  /** Whether the score is a number. */
  public boolean hasValue() {
    return !Double.isNaN(value);
  }
}
