package org.nb201.generate;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks an output directory against its plan ({@link VerifyReport}), or units of any kind against
 * one ({@link #check}). Reads only.
 */
public final class Verifier {
  private Verifier() {}

  public static VerifyReport verify(Plan plan, Path out) throws IOException {
    Completeness<TrialSpec> c = check(plan.trials(), out, ResultFile::read);
    return new VerifyReport(c.done(), c.missing(), c.corrupt(), c.duplicated(), c.extra());
  }

  /** How one unit's result file is checked (a {@link WorkKind#check}). */
  @FunctionalInterface
  public interface Checker<U> {
    void check(Path file, U unit) throws CorruptResultException;
  }

  /**
   * The state of units of any kind against an output directory: done (result file present and
   * valid), missing, corrupt (file name and reason), duplicated (logged as done more than once), and
   * result files that belong to none of {@code units}.
   */
  public record Completeness<U>(List<U> done, List<U> missing, Map<String, String> corrupt, List<String> duplicated,
      List<String> extra) {
    public Completeness {
      done = List.copyOf(done);
      missing = List.copyOf(missing);
      corrupt = Map.copyOf(corrupt);
      duplicated = List.copyOf(duplicated);
      extra = List.copyOf(extra);
    }

    /** Whether every unit is done and nothing is damaged. */
    public boolean complete() {
      return missing.isEmpty() && corrupt.isEmpty();
    }
  }

  /** Checks {@code units} in {@code out} with {@code checker}; reads only. */
  public static <U extends WorkUnit> Completeness<U> check(List<U> units, Path out, Checker<U> checker)
      throws IOException {
    if (!Files.isDirectory(out)) {
      throw new IllegalArgumentException(Files.exists(out)
          ? out + " is a file, not an output directory; expected the folder given to 'nb201 generate --out'"
          : "output directory " + out + " does not exist; expected the folder given to 'nb201 generate --out'");
    }
    List<U> done = new ArrayList<>();
    List<U> missing = new ArrayList<>();
    Map<String, String> corrupt = new TreeMap<>();
    Set<String> planned = new HashSet<>();
    for (U t : units) {
      planned.add(t.id() + ".json");
      Path file = ResultFile.path(out, t.id());
      if (!Files.exists(file)) {
        missing.add(t);
        continue;
      }
      try {
        checker.check(file, t);
        done.add(t);
      } catch (CorruptResultException e) {
        corrupt.put(file.getFileName().toString(), e.getMessage());
      }
    }
    Map<String, Integer> doneCount = new HashMap<>();
    for (Ledger.Entry e : Ledger.read(out)) {
      if (e.event().equals("done")) {
        doneCount.merge(e.id(), 1, Integer::sum);
      }
    }
    List<String> duplicated = new ArrayList<>();
    doneCount.forEach((id, n) -> {
      if (n > 1) {
        duplicated.add(id);
      }
    });
    duplicated.sort(null);
    List<String> extra = new ArrayList<>();
    Path results = ResultFile.dir(out);
    if (Files.isDirectory(results)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(results, "*.json")) {
        for (Path p : ds) {
          if (!planned.contains(p.getFileName().toString())) {
            extra.add(p.getFileName().toString());
          }
        }
      }
    }
    extra.sort(null);
    return new Completeness<>(done, missing, corrupt, duplicated, extra);
  }
}
