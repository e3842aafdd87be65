package org.nb201.bench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;

/**
 * Which store a result was computed from: its file, size, SHA-256 (stores are immutable, so the
 * checksum names the content), when and by which nb201 it was written, and the sources its
 * {@code provenance} table names with their checksums. Search runs and analyses record it, so a
 * figure can be traced to the exact store and a run folder matched with the store it came from.
 *
 * @param file file name of the store
 * @param path absolute path when the result was made
 * @param bytes file size
 * @param sha256 hex SHA-256 of the file, or empty when it was not computed
 * @param created {@code meta.created} of the store
 * @param toolVersion the nb201 version that wrote the store
 * @param formatVersion the store's format version
 * @param sources one line per provenance row: source, its SHA-256 when it has one
 */
public record StoreIdentity(String file, String path, long bytes, String sha256, String created, String toolVersion,
    int formatVersion, List<String> sources) {
  public StoreIdentity {
    sha256 = sha256 == null ? "" : sha256;
    sources = List.copyOf(sources);
  }

  /** The identity of an open store; {@code checksum} hashes the whole file (about a second per gigabyte). */
  public static StoreIdentity of(Store store, boolean checksum) {
    long bytes;
    try {
      bytes = Files.size(store.path());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + store.path() + ": " + e.getMessage(), e);
    }
    String sha = checksum ? store.checksum() : "";
    List<String> sources = new ArrayList<>();
    for (Provenance p : store.reader().provenance()) {
      Input main = p.primary();
      String name = main == null ? "(no source)" : main.name();
      String hash = main == null ? "" : main.sha256();
      sources.add(name + (hash == null || hash.isEmpty() ? "" : " (sha256 " + hash + ")"));
    }
    return new StoreIdentity(store.path().getFileName().toString(), store.path().toString(), bytes, sha,
        store.meta().getOrDefault("created", ""), store.meta().getOrDefault("tool_version", ""),
        store.formatVersion(), sources);
  }

  /** This identity with the file's SHA-256 (computed elsewhere, e.g. while other work runs). */
  public StoreIdentity withSha256(String sha) {
    return new StoreIdentity(file, path, bytes, sha, created, toolVersion, formatVersion, sources);
  }

  /** One line for output headers: {@code demo.duckdb (2.6 MB, sha256 1a2b3c4d5e6f, written 2026-...)}. */
  public String describe() {
    return String.format(Locale.ROOT, "%s (%.1f MB%s, written %s by nb201 %s)", file, bytes / 1e6,
        sha256.isEmpty() ? "" : ", sha256 " + sha256.substring(0, Math.min(12, sha256.length())), created,
        toolVersion);
  }
}
