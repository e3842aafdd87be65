package org.nb201.bench.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nb201.bench.nats.NatsArchReader;
import org.nb201.bench.nats.NatsArchRecord;
import org.nb201.bench.nats.NatsArchive;
import org.nb201.space.Arch;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;

/**
 * Imports a NATS-Bench topology "simple" directory ({@code meta.pickle.pbz2} plus
 * {@code NNNNNN.pickle.pbz2} files; a directory holding only some of them is fine). The meta list is
 * checked against the official order first; then a fixed pool decodes the architecture files in
 * parallel (bz2 dominates, ~20 ms each) into checkpoint chunks in {@code <store>.import/} next to the
 * target, and one sequential pass feeds the chunks in index order into the store, commits it
 * atomically and deletes the work directory. A rerun on the same source (same fingerprint) reuses
 * every valid chunk, so an interrupted import continues where it stopped.
 */
public final class NatsDirectoryImporter {
  private static final Pattern ARCH_FILE = Pattern.compile("(\\d{6})\\.pickle\\.pbz2");
  private static final String SOURCE_FILE = "SOURCE";

  private NatsDirectoryImporter() {
  }

  /** The work directory of an import into {@code target}. */
  public static Path workDir(Path target) {
    Path t = target.toAbsolutePath().normalize();
    return t.resolveSibling(t.getFileName() + ".import");
  }

  /** Imports {@code dir} into a new store at {@code target}. */
  public static ImportSummary importDir(Path dir, Path target, ImportOptions options) throws IOException {
    StoreFeed.checkTarget(target, options.overwrite());
    NatsArchive archive = new NatsArchive(dir);
    if (!Files.isDirectory(dir) || !Files.isRegularFile(archive.metaFile())) {
      throw new ImportException(dir, "not a NATS-Bench directory (no " + NatsArchive.META_FILE + ")");
    }
    archive.verifyMeta();
    SortedMap<Integer, Path> files = archFiles(dir);
    if (files.isEmpty()) {
      throw new ImportException(dir, "no NNNNNN.pickle.pbz2 architecture files; nothing to import");
    }
    String fingerprint = SourceFingerprint.of(archive.metaFile(), files);
    Path work = prepareWorkDir(target, fingerprint);
    int resumed = decodeAll(files, work, fingerprint, options);
    Provenance provenance = Provenance.builder().addInput(new Input(Input.SOURCE, dir.getFileName()
        + " (NATS-Bench directory, " + files.size() + " architecture files)", Input.SHA256, fingerprint,
        SourceFingerprint.totalBytes(archive.metaFile(), files)))
        .putConfig("importer", "nats-directory").putConfig("threads", options.threads()).build();
    ImportSummary summary;
    try (StoreFeed feed = StoreFeed.open(dir, target, options.overwrite(), provenance)) {
      for (int index : files.keySet()) {
        NatsArchRecord r = ChunkFile.read(work, fingerprint, index);
        if (r == null) {
          throw new ImportException(ChunkFile.path(work, index), "checkpoint vanished or was damaged during the"
              + " import; rerun to decode it again");
        }
        feed.add(r);
      }
      summary = feed.commit(resumed);
    }
    deleteWorkDir(work);
    return summary;
  }

  static SortedMap<Integer, Path> archFiles(Path dir) throws IOException {
    SortedMap<Integer, Path> out = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      for (Path p : ds) {
        Matcher m = ARCH_FILE.matcher(p.getFileName().toString());
        if (m.matches()) {
          int index = Integer.parseInt(m.group(1));
          if (index >= Arch.COUNT) {
            throw new ImportException(p, "index " + index + " outside the official 0.." + (Arch.COUNT - 1));
          }
          out.put(index, p);
        }
      }
    }
    return out;
  }

  private static Path prepareWorkDir(Path target, String fingerprint) throws IOException {
    Path work = workDir(target);
    Files.createDirectories(work);
    Path source = work.resolve(SOURCE_FILE);
    String previous = Files.isRegularFile(source) ? Files.readString(source).strip() : "";
    if (!previous.equals(fingerprint)) {
      clearChunks(work);
      Files.writeString(source, fingerprint + "\n");
    }
    return work;
  }

  /** Decodes every architecture without a valid chunk; returns how many chunks were reused. */
  private static int decodeAll(SortedMap<Integer, Path> files, Path work, String fingerprint, ImportOptions options)
      throws IOException {
    List<Integer> todo = new ArrayList<>();
    int resumed = 0;
    for (int index : files.keySet()) {
      if (ChunkFile.read(work, fingerprint, index) != null) {
        resumed++;
      } else {
        todo.add(index);
      }
    }
    try (ImportProgress progress = ImportProgress.start("import", files.size(), "archs", options.progress())) {
      progress.stepTo(resumed);
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.threads(), Math.max(1, todo.size())));
      List<Future<Integer>> futures = new ArrayList<>();
      boolean failed = true;
      try {
        ExecutorCompletionService<Integer> done = new ExecutorCompletionService<>(pool);
        for (int index : todo) {
          Path file = files.get(index);
          futures.add(done.submit(() -> {
            ChunkFile.write(work, fingerprint, NatsArchReader.readArch(file));
            return index;
          }));
        }
        for (int i = 0; i < todo.size(); i++) {
          done.take().get();
          progress.step();
        }
        failed = false;
      } catch (ExecutionException e) {
        throw rethrow(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImportException(work, "interrupted; rerun to continue from the checkpoints");
      } finally {
        // On failure, queued files are skipped but files being decoded are finished and checkpointed,
        // so a rerun loses no work.
        futures.forEach(f -> f.cancel(false));
        pool.shutdown();
        if (failed) {
          awaitQuietly(pool);
        }
      }
    }
    return resumed;
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      pool.awaitTermination(5, TimeUnit.MINUTES);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static IOException rethrow(Throwable t) {
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof UncheckedIOException u) {
      return u.getCause();
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    throw new IllegalStateException(t);
  }

  private static void clearChunks(Path work) throws IOException {
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(work)) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.endsWith(ChunkFile.SUFFIX) || n.endsWith(".tmp")) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  private static void deleteWorkDir(Path work) throws IOException {
    clearChunks(work);
    Files.deleteIfExists(work.resolve(SOURCE_FILE));
    try {
      Files.deleteIfExists(work);
    } catch (DirectoryNotEmptyException e) {
      // something foreign was put there; leave it
    }
  }
}
