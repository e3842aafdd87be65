package org.nb201.bench.nats;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.nb201.bench.StoreSink;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * A NATS-Bench topology "simple" directory ({@code NATS-tss-v1_0-3ffb9-simple}, as NATS-Bench
 * {@code nats_bench/api_topology.py::NATStopology.reload} reads it; see docs/benchmark-data.md#files-and-runs):
 * {@code meta.pickle.pbz2} plus one {@code NNNNNN.pickle.pbz2} per architecture. Knows the file
 * layout and checks the archive's index order against {@link SearchSpace#official()}.
 */
public final class NatsArchive {
  /** Name of the meta file inside the directory. */
  public static final String META_FILE = "meta.pickle.pbz2";

  private final Path dir;

  public NatsArchive(Path dir) {
    if (dir == null) {
      throw new IllegalArgumentException("directory must be given");
    }
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path metaFile() {
    return dir.resolve(META_FILE);
  }

  /** The file of architecture {@code index}, e.g. {@code 000011.pickle.pbz2}. */
  public Path archFile(int index) {
    SearchSpace.checkIndex(index);
    return dir.resolve(String.format("%06d.pickle.pbz2", index));
  }

  /** {@code meta_archs}: the architecture strings in the archive's index order. */
  public List<String> readMeta() throws IOException {
    return NatsArchReader.readMeta(metaFile());
  }

  /**
   * Fails unless {@code meta_archs} is exactly the official order derived by
   * {@link SearchSpace#official()}, naming the first index that differs.
   */
  public void verifyMeta() throws IOException {
    List<String> archs = readMeta();
    if (archs.size() != Arch.COUNT) {
      throw new NatsFormatException(metaFile(), "meta_archs has " + archs.size() + " entries, expected "
          + Arch.COUNT);
    }
    for (int i = 0; i < archs.size(); i++) {
      String official = SearchSpace.official().arch(i).toString();
      if (!official.equals(archs.get(i))) {
        throw new NatsFormatException(metaFile(), "meta_archs[" + i + "] is '" + archs.get(i)
            + "' but the official order has '" + official + "'");
      }
    }
  }

  /** Reads architecture {@code index}. */
  public NatsArchRecord readArch(int index) throws IOException {
    return NatsArchReader.readArch(archFile(index));
  }

  /** Reads architecture {@code index} and hands its trials and costs to {@code sink}. */
  public NatsArchRecord importArch(int index, StoreSink sink) throws IOException {
    NatsArchRecord record = readArch(index);
    NatsArchReader.emit(record, sink);
    return record;
  }
}
