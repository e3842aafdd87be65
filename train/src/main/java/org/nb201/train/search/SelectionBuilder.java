package org.nb201.train.search;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The builder of a method that ends its epochs with a {@link CandidateSelection} of
 * {@code select_num} candidates (default 100) on validation batches of {@code select_batch}
 * images (default 512, the official {@code test_batch_size}): RSPS and SETN.
 */
abstract class SelectionBuilder<B extends SelectionBuilder<B>> extends SearchSettings.Builder<B> {
  private int selectNum = 100;
  private int selectBatch = 512;

  SelectionBuilder(int epochs, boolean evaluateEachEpoch) {
    super(epochs, evaluateEachEpoch);
  }

  /** Candidates per selection and validation images per candidate (default 100, 512). */
  public B optSelection(int selectNum, int selectBatch) {
    this.selectNum = selectNum;
    this.selectBatch = selectBatch;
    return self();
  }

  int selectNum() {
    return selectNum;
  }

  int selectBatch() {
    return selectBatch;
  }

  /** The selection's settings with their keys, for {@link MethodOptions#own()}. */
  static Map<String, Object> describe(int selectNum, int selectBatch) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("select_num", selectNum);
    m.put("select_batch", selectBatch);
    return m;
  }

  @Override
  protected void setOwn(String key, String value) {
    switch (key) {
      case "select_num" -> selectNum = integer(key, value);
      case "select_batch" -> selectBatch = integer(key, value);
      default -> super.setOwn(key, value);
    }
  }

  @Override
  protected boolean integerKey(String key) {
    return key.equals("select_num") || key.equals("select_batch") || super.integerKey(key);
  }
}
