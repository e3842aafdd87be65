package org.nb201.space;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sets a trial is measured on: the training set and the three official evaluation sets
 * (AutoDL-Projects {@code exps/NAS-Bench-201/main.py::evaluate_all_datasets}; see
 * docs/datasets-and-splits.md#training-settings). The key is the official spelling.
 */
public enum Split {
  TRAIN("train"),
  X_VALID("x-valid"),
  X_TEST("x-test"),
  ORI_TEST("ori-test");

  private final String key;

  Split(String key) {
    this.key = key;
  }

  /** The official key, e.g. {@code x-valid}. */
  public String key() {
    return key;
  }

  /** The three evaluation splits, in the official order: x-valid, x-test, ori-test. */
  public static List<Split> evaluation() {
    return List.of(X_VALID, X_TEST, ORI_TEST);
  }

  /** The split with this key; an error listing the valid keys otherwise. */
  public static Split byKey(String key) {
    for (Split s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown split '" + key + "'; expected one of "
        + Arrays.stream(values()).map(Split::key).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return key;
  }
}
