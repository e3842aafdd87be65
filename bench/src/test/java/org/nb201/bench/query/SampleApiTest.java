package org.nb201.bench.query;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Base of the query tests that run on the real sample store ({@link SampleApi}): opened once per class. */
abstract class SampleApiTest {
  static Nb201Api api;

  @BeforeAll
  static void openSample() throws Exception {
    api = SampleApi.open();
  }

  @AfterAll
  static void closeSample() {
    api.close();
  }
}
