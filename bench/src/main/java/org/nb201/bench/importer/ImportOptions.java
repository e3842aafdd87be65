package org.nb201.bench.importer;

/**
 * How an import runs: whether an existing store may be replaced, how many threads decode in
 * parallel (directory import only) and whether a progress bar is drawn on stderr.
 */
public record ImportOptions(boolean overwrite, int threads, boolean progress) {
  public ImportOptions {
    if (threads < 1 || threads > 1024) {
      throw new IllegalArgumentException("threads must be 1..1024, got " + threads);
    }
  }

  /** No overwrite, one thread per core, a progress bar when a terminal is attached and CI is unset. */
  public static ImportOptions defaults() {
    return new ImportOptions(false, Runtime.getRuntime().availableProcessors(), interactive());
  }

  public ImportOptions withOverwrite(boolean overwrite) {
    return new ImportOptions(overwrite, threads, progress);
  }

  public ImportOptions withThreads(int threads) {
    return new ImportOptions(overwrite, threads, progress);
  }

  public ImportOptions withProgress(boolean progress) {
    return new ImportOptions(overwrite, threads, progress);
  }

  /** Whether progress bars make sense here: a console and no {@code CI} variable. */
  public static boolean interactive() {
    return System.getenv("CI") == null && System.console() != null;
  }
}
