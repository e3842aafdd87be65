package org.nb201.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.nb201.bench.store.StoreIdentity;
import org.nb201.space.ToolVersion;
import org.nb201.space.provenance.Machine;

/**
 * The results of several analyses of one store (and of the search runs given), with what a reader
 * needs to trace them: the store's identity, the inputs, the tool version, when and on which
 * machine, and how long each analysis took.
 */
public record Report(StoreIdentity store, List<Section> sections, Analysis.Inputs inputs, String toolVersion,
    String created, String machine, double seconds) {

  /** One analysis's result and its wall time. */
  public record Section(Analysis analysis, Object result, double seconds) {}

  /** Runs {@code which} on {@code data} in order, telling {@code progress} before each. */
  public static Report build(StoreData data, Analysis.Inputs inputs, List<Analysis> which, Progress progress) {
    long t0 = System.nanoTime();
    List<Section> sections = new ArrayList<>();
    for (int k = 0; k < which.size(); k++) {
      Analysis a = which.get(k);
      progress.update(k, which.size(), a.title());
      long t = System.nanoTime();
      Object r = a.run(data, inputs);
      sections.add(new Section(a, r, (System.nanoTime() - t) / 1e9));
    }
    progress.update(which.size(), which.size(), "done");
    return new Report(data.identity(), sections, inputs, ToolVersion.get(), Instant.now().toString(),
        Machine.current().describe(), (System.nanoTime() - t0) / 1e9);
  }
}
