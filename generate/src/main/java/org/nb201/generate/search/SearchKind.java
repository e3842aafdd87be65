package org.nb201.generate.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.nb201.generate.CorruptResultException;
import org.nb201.generate.WorkKind;
import org.nb201.space.Dataset;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.TrainConfig;
import org.nb201.train.data.DataException;
import org.nb201.train.data.SearchData;
import org.nb201.train.search.MethodOptions;
import org.nb201.train.search.RunFolder;
import org.nb201.train.search.RunFolderException;
import org.nb201.train.search.SearchListener;
import org.nb201.train.search.SearchResult;
import org.nb201.train.search.SupernetSearch;

/**
 * Search trials as a {@link WorkKind}: each runs {@link SupernetSearch} with its run folder at
 * {@code runs/<id>/} of the output directory (run file and an atomic checkpoint per epoch), so a
 * unit killed at any moment resumes from its last finished epoch when the plan is run again, to the
 * same result as an uninterrupted run on the same machine and thread count. A run folder that
 * cannot be resumed (damaged, or started with other threads or device) is moved aside to
 * {@code runs/<id>.aside-<millis>/} and the search starts over; nothing is deleted. At the end the
 * unit's {@link SearchResultFile} is written atomically. The search data of a dataset is loaded
 * once per process.
 */
public final class SearchKind implements WorkKind<SearchTrial> {
  /** The folder of the run folders under an output directory. */
  public static final String RUNS = "runs";

  private final Map<Dataset, Path> dataDirs;
  private final Path splitDir;
  private final boolean verifyData;
  private final int threads;
  private final TrainConfig.Device device;
  private final Map<Dataset, SearchData> loaded = new EnumMap<>(Dataset.class);

  /**
   * @param dataDirs where each dataset's files are (a dataset absent here fails its searches clearly)
   * @param splitDir the official split files, or {@code null} for the default location
   * @param verifyData whether to check the data files' known MD5s
   * @param threads intra-op threads (0 = the engine default)
   */
  public SearchKind(Map<Dataset, Path> dataDirs, Path splitDir, boolean verifyData, int threads,
      TrainConfig.Device device) {
    this.dataDirs = Map.copyOf(dataDirs);
    this.splitDir = splitDir;
    this.verifyData = verifyData;
    this.threads = threads;
    this.device = device;
  }

  /** The run folder of {@code trial} under the output directory {@code out}. */
  public static Path runDir(Path out, SearchTrial trial) {
    return out.resolve(RUNS).resolve(trial.id());
  }

  @Override
  public String noun() {
    return "searches";
  }

  @Override
  public String task() {
    return "search";
  }

  @Override
  public void run(SearchTrial trial, Path out) throws Exception {
    Dataset dataset = Dataset.byKey(trial.dataset());
    Path dir = dataDirs.get(dataset);
    if (dir == null) {
      throw new IllegalArgumentException("no data directory for " + dataset.key() + "; pass --data-dir for it");
    }
    MethodOptions options = trial.options(dir, splitDir, verifyData, threads, device);
    SearchData data = data(dataset, dir);
    Path runDir = runDir(out, trial);
    SearchResult result;
    if (Files.exists(runDir.resolve(RunFolder.RUN_FILE))) {
      try {
        result = SupernetSearch.run(options, data, runDir, true, SearchListener.NONE);
      } catch (RunFolderException e) {
        Path aside = runDir.resolveSibling(trial.id() + ".aside-" + System.currentTimeMillis());
        Files.move(runDir, aside);
        System.err.println("nb201: search " + trial.id() + ": cannot resume (" + e.getMessage() + "); moved the run"
            + " folder to " + aside + " and starting over");
        result = SupernetSearch.run(options, data, runDir, false, SearchListener.NONE);
      }
    } else {
      result = SupernetSearch.run(options, data, runDir, false, SearchListener.NONE);
    }
    Provenance p = Provenance.fromMap(result.provenance()).toBuilder().optFinishedAt(Instant.now())
        .optConfig(result.config()).putConfig("search_trial", trial.id()).build();
    SearchResultFile.write(out, trial, result, p);
  }

  @Override
  public void check(Path file, SearchTrial trial) throws CorruptResultException {
    SearchResultFile.read(file, trial);
  }

  private SearchData data(Dataset dataset, Path dir) throws DataException, IOException {
    SearchData d = loaded.get(dataset);
    if (d == null) {
      d = SearchData.load(dataset, dir, splitDir, verifyData);
      loaded.put(dataset, d);
    }
    return d;
  }
}
