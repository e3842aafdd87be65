package org.nb201.bench.importer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Manual measurement, not a test: imports a (large) NATS archive and prints the peak heap of every
 * pool, to state the streamed importer's memory bound. Run it under a small {@code -Xmx}, e.g.
 * {@code java -Xmx700m -cp ... org.nb201.bench.importer.ArchiveHeapProbe big.pickle.pbz2 out.db} with
 * a file from {@code src/test/python/make_big_archive.py}.
 */
public final class ArchiveHeapProbe {
  private ArchiveHeapProbe() {
  }

  public static void main(String[] args) throws Exception {
    Path target = Path.of(args[1]);
    Files.deleteIfExists(target);
    ImportSummary s = NatsArchiveImporter.importArchive(Path.of(args[0]), target,
        ImportOptions.defaults().withProgress(false));
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf("%d archs, %d trials, %d rows in %.1f s (%.1f archs/s); max heap %d MiB, "
        + "peak of heap pools %d MiB%n",
        s.archs(), s.trials(), s.rows(), s.seconds(), s.archsPerSecond(), Runtime.getRuntime().maxMemory() >> 20,
        peak >> 20);
  }
}
