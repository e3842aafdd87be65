package org.nb201.generate.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nb201.bench.SearchRun;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreWriter;
import org.nb201.generate.CorruptResultException;
import org.nb201.generate.GenerateOptions;
import org.nb201.generate.GenerateSummary;
import org.nb201.generate.Generator;
import org.nb201.generate.ResultFile;
import org.nb201.generate.Verifier;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.search.SearchEpoch;

/**
 * A search plan run by the shared machinery of {@code generate} (result file per search, ledger,
 * per-unit locks, local pool, shards for array jobs), checked like training trials, and collected
 * into a store's {@code searches} table.
 */
public final class SearchRuns {
  private SearchRuns() {}

  /** Runs the searches of {@code options.shard()} of {@code plan} not yet done in {@code options.out()}. */
  public static GenerateSummary run(SearchPlan plan, Path planFile, GenerateOptions options, SearchKind kind)
      throws IOException {
    return Generator.run(plan.select(options.shard()), planFile, options, kind);
  }

  /** Which searches of {@code plan} are done, missing or corrupt in {@code dir}; reads only. */
  public static Verifier.Completeness<SearchTrial> verify(SearchPlan plan, Path dir) throws IOException {
    return Verifier.check(plan.trials(), dir, SearchResultFile::read);
  }

  /**
   * What {@link #collect} did: searches written (of them replacing one the store held), trials carried
   * over from the old store, searches still missing, and results refused as corrupt (file name and reason).
   */
  public record Collected(Path store, int added, int replaced, int carriedOver, int missing,
      Map<String, String> refused) {
    public Collected {
      refused = Map.copyOf(refused);
    }
  }

  /**
   * Writes the finished searches of {@code plan} in {@code dir} into {@code storeFile} atomically;
   * corrupt results are refused and named, missing ones counted. With {@code add}, an existing store
   * is carried over ({@link StoreWriter#carryOver}) and a search it already holds (same id) replaced;
   * without, an existing store is refused.
   */
  public static Collected collect(SearchPlan plan, Path dir, Path storeFile, boolean add) throws IOException {
    Verifier.Completeness<SearchTrial> report = verify(plan, dir);
    boolean exists = Files.exists(storeFile);
    if (exists && !add) {
      throw new IllegalArgumentException("store " + storeFile + " already exists; pass --add to add to it");
    }
    int added = 0;
    int replaced = 0;
    int carried = 0;
    try (StoreWriter w = StoreWriter.create(storeFile.toAbsolutePath(), exists)) {
      if (exists) {
        try (Store old = Store.open(storeFile)) {
          carried = w.carryOver(old);
        }
      }
      for (SearchTrial t : report.done()) {
        Path file = ResultFile.path(dir, t.id());
        SearchResultFile.Content c;
        try {
          c = SearchResultFile.read(file, t);
        } catch (CorruptResultException e) {
          throw new IOException("result " + file + " changed while collecting: " + e.getMessage());
        }
        Input source = Input.file(Input.SOURCE, file).withName("search " + t.id() + " (" + file.getFileName() + ")");
        Provenance p = c.provenance().withPrimary(source);
        w.addProvenance(p);
        if (w.putSearch(row(c))) {
          replaced++;
        }
        added++;
      }
      w.commit();
    }
    return new Collected(storeFile, added, replaced, carried, report.missing().size(), report.corrupt());
  }

  /** A result file's content as the store's record of it. */
  public static SearchRun row(SearchResultFile.Content c) {
    SearchTrial t = c.trial();
    List<SearchRun.Epoch> epochs = new ArrayList<>();
    SearchSpace space = SearchSpace.official();
    for (SearchEpoch e : c.epochs()) {
      epochs.add(new SearchRun.Epoch(e.epoch(), space.indexOf(e.genotype()), e.seconds(), e.images(), e.lr(),
          e.trainLoss(), e.trainTop1(), e.archLoss(), e.archTop1(), e.validLoss(), e.validTop1()));
    }
    return new SearchRun(t.id(), t.method(), t.dataset(), t.seed(), t.channels(), t.cells(), t.settingsJson(),
        c.archIndex(), epochs);
  }
}
