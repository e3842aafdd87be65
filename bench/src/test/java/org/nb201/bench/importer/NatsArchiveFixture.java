package org.nb201.bench.importer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.nb201.bench.SharedData;

/**
 * A small NATS single-file archive in the official layout (archs 0 and 11 of the shared sample),
 * built once per test JVM by {@code src/test/python/make_nats_archive.py} into the build folder, so
 * that no copy of the shared data lives in the repository. Skips when the sample or Python with
 * numpy is missing.
 */
final class NatsArchiveFixture {
  private static Path built;

  private NatsArchiveFixture() {}

  static synchronized Path path() throws Exception {
    if (built != null) {
      return built;
    }
    Path sample = SharedData.natsSample();
    Path out = Path.of(System.getProperty("java.io.tmpdir")).resolve("NATS-tss-v1_0-sample.pickle.pbz2");
    Path python = Path.of("/usr/bin/python3");
    assumeTrue(Files.isExecutable(python), "/usr/bin/python3 missing: skipping the NATS single-file archive tests");
    Process p = new ProcessBuilder(python.toString(), "src/test/python/make_nats_archive.py", sample.toString(),
        out.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assumeTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && !log.contains("No module named"),
        "cannot build the NATS archive fixture with Python (numpy needed): " + log.strip());
    built = out;
    return out;
  }
}
