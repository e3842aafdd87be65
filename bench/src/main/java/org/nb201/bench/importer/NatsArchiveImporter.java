package org.nb201.bench.importer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.nb201.bench.nats.NatsArchReader;
import org.nb201.bench.nats.NatsFormatException;
import org.nb201.pickle.PickleException;
import org.nb201.pickle.PickleStream;
import org.nb201.space.provenance.Provenance;

/**
 * Imports the NATS-Bench topology single-file archive {@code NATS-tss-v1_0-3ffb9.pickle.pbz2}
 * (one bz2-compressed pickle of {meta_archs, arch2infos: {index: {'12': ..., '200': ...}},
 * evaluated_indexes}), streamed: the pickle is decoded as the bz2 stream delivers it and each
 * {@code arch2infos} entry is checked and written as soon as its SETITEMS batch completes, so the
 * heap holds one batch of architectures (CPython pickles 1000 per batch), never the ~5 GB pickle.
 * {@code meta_archs} is checked against the official order before the store is committed.
 */
public final class NatsArchiveImporter {
  private NatsArchiveImporter() {
  }

  /** Imports {@code file} into a new store at {@code target}. */
  public static ImportSummary importArchive(Path file, Path target, ImportOptions options) throws IOException {
    StoreFeed.checkTarget(target, options.overwrite());
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "NATS archive not found");
    }
    long size = Files.size(file);
    Provenance provenance = Provenance.ofFile(file, Map.of("importer", "nats-archive"));
    int[] maxIndex = {-1};
    try (StoreFeed feed = StoreFeed.open(file, target, options.overwrite(), provenance);
        CountingInput counted = new CountingInput(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
        ImportProgress progress = ImportProgress.start("import", size, "bytes", options.progress())) {
      Object root;
      try (InputStream bz = new BufferedInputStream(new BZip2CompressorInputStream(counted, true), 1 << 16)) {
        PickleStream stream = new PickleStream(bz);
        root = stream.next(NatsArchReader.PICKLE_PROFILE, List.of("arch2infos"), (key, value) -> {
          int index = OfficialArchs.index(file, key, -1);
          feed.add(NatsArchReader.fromArchResults(file, value, index));
          maxIndex[0] = Math.max(maxIndex[0], index);
          progress.stepTo(counted.count());
        });
        if (!stream.atEnd()) {
          throw new NatsFormatException(file, "bytes after the pickle's STOP at offset " + stream.position());
        }
      } catch (PickleException e) {
        throw new NatsFormatException(file, e.getMessage(), e);
      } catch (ImportException | NatsFormatException e) {
        throw e;
      } catch (IOException e) {
        throw new NatsFormatException(file, "corrupt or truncated bz2 stream (" + oneLine(e) + ")", e);
      }
      List<?> meta = OfficialArchs.metaArchs(file, root);
      if (maxIndex[0] >= meta.size()) {
        throw new ImportException(file, "architecture " + maxIndex[0] + " is beyond the " + meta.size()
            + " entries of meta_archs");
      }
      progress.stepTo(size);
      return feed.commit(0);
    }
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.replaceAll("\\s+", " ").strip();
  }
}
