package org.nb201.bench;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.nb201.space.Arch;

/**
 * One {@link ProxySet}'s scores for the whole space, as flat arrays by official index: the value
 * ({@code NaN} where the store holds no number), the seconds it took ({@code NaN} where the cell
 * was not scored) and the notes of the cells scored without a number.
 */
public final class ProxyTable {
  private final ProxySet set;
  private final double[] values;
  private final double[] seconds;
  private final Map<Integer, String> notes;

  public ProxyTable(ProxySet set, double[] values, double[] seconds, Map<Integer, String> notes) {
    if (values.length != Arch.COUNT || seconds.length != Arch.COUNT) {
      throw new IllegalArgumentException("proxy tables need one entry per architecture (" + Arch.COUNT + ")");
    }
    this.set = set;
    this.values = values.clone();
    this.seconds = seconds.clone();
    this.notes = Collections.unmodifiableMap(new TreeMap<>(notes));
  }

  public ProxySet set() {
    return set;
  }

  /** The score of {@code index}, {@code NaN} when absent or not a number. */
  public double value(int index) {
    return values[index];
  }

  /** Seconds the score of {@code index} took, {@code NaN} when the cell was not scored. */
  public double seconds(int index) {
    return seconds[index];
  }

  /** Whether {@code index} was scored (with or without a number). */
  public boolean scored(int index) {
    return !Double.isNaN(seconds[index]) || notes.containsKey(index) || !Double.isNaN(values[index]);
  }

  /** Cells scored without a number, with the reason. */
  public Map<Integer, String> notes() {
    return notes;
  }

  /** How many cells have a number. */
  public int valueCount() {
    return (int) Arrays.stream(values).filter(v -> !Double.isNaN(v)).count();
  }
}
