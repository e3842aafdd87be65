package org.nb201.bench.query;

import java.nio.file.Files;
import java.nio.file.Path;
import org.nb201.bench.store.SpecSample;

/** One {@link SpecSample} store per test JVM, imported through the tidy CSV path. */
final class SampleApi {
  private static Path store;

  private SampleApi() {}

  static synchronized Path store() throws Exception {
    if (store == null) {
      Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "spec-sample");
      store = SpecSample.store(dir);
    }
    return store;
  }

  static Nb201Api open() throws Exception {
    return Nb201Api.open(store(), 0);
  }
}
