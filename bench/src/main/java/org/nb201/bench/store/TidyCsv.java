package org.nb201.bench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nb201.bench.CostRecord;
import org.nb201.bench.StoreSink;
import org.nb201.bench.TrialKey;
import org.nb201.space.Messages;
import org.nb201.space.provenance.Provenance;

/**
 * The tidy CSV formats, the open door for any data source: one row per (trial, split, epoch) in
 * {@link #RESULTS_HEADER} and one row per (architecture, dataset) in {@link #COSTS_HEADER}. Empty
 * {@code seed} means values already averaged over seeds; empty numbers are unknown; {@code index}
 * or {@code arch} may be empty but not both, and must agree when both are given. An optional
 * trailing {@code top5} column carries top-5 accuracy. Import checks every row first and reports
 * each bad one with its line number before anything is written; {@link Exporter#csv} writes the
 * same format, so importing an export gives back the same data.
 */
public final class TidyCsv {
  /** Header of a results file (optionally followed by {@code ,top5}). */
  public static final String RESULTS_HEADER = "index,arch,dataset,hp,seed,epoch,split,accuracy,loss,time";
  /** Header of a costs file. */
  public static final String COSTS_HEADER = "index,arch,dataset,flops,params,latency";

  /** What an import wrote. */
  public record ImportResult(int trials, long metricRows, int costs, List<Provenance> provenance) {
    public ImportResult {
      provenance = List.copyOf(provenance);
    }
  }

  private TidyCsv() {}

  /**
   * Checks both files completely, then writes their trials and costs into {@code sink}.
   *
   * @param costs the costs file, or {@code null}
   * @throws CsvImportException listing the bad rows; nothing was written then
   */
  public static ImportResult read(Path results, Path costs, StoreSink sink) throws CsvImportException, IOException {
    requireFile(results, "results");
    if (costs != null) {
      requireFile(costs, "costs");
    }
    CsvProblems problems = new CsvProblems();
    ResultsCsvReader reader = new ResultsCsvReader(results);
    Map<TrialKey, Long> lastLines = reader.check(problems);
    List<CostRecord> costRecords = costs == null ? List.of() : new CostsCsvReader(costs).read(problems);
    problems.throwIfAny();
    for (CostRecord c : costRecords) {
      sink.addCost(c);
    }
    int trials = reader.emit(lastLines, sink);
    return new ImportResult(trials, -1, costRecords.size(), List.of());
  }

  /**
   * Creates a store at {@code out} from tidy CSV files, atomically: on any error nothing is left
   * at {@code out}. Each file is recorded as a provenance row with its SHA-256.
   */
  public static ImportResult createStore(Path results, Path costs, Path out, boolean overwrite)
      throws CsvImportException, IOException {
    requireFile(results, "results");
    if (costs != null) {
      requireFile(costs, "costs");
    }
    try (StoreWriter w = StoreWriter.create(out, overwrite)) {
      Map<String, String> config = Map.of("importer", "tidy-csv");
      List<Provenance> provenance = new ArrayList<>();
      provenance.add(Provenance.ofFile(results, config));
      int first = w.addProvenance(provenance.get(0));
      if (costs != null) {
        provenance.add(Provenance.ofFile(costs, config));
        w.addProvenance(provenance.get(1));
        w.useProvenance(first);
      }
      ImportResult r = read(results, costs, w);
      w.commit();
      return new ImportResult(r.trials(), w.metricRowCount(), r.costs(), provenance);
    }
  }

  private static void requireFile(Path file, String what) throws IOException {
    if (!Files.exists(file)) {
      throw new IOException(what + " file " + file + " not found");
    }
    if (Files.isDirectory(file)) {
      throw new IOException(what + " file " + file + " is a directory; expected a tidy CSV file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IOException(what + " file " + file + " is not a regular file; expected a tidy CSV file");
    }
    try {
      Files.newByteChannel(file).close();
    } catch (IOException e) {
      throw new IOException(Messages.cannotRead(what + " file", file, e, "a readable tidy CSV file"), e);
    }
  }
}
