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

/** Checks an output directory against its plan; see {@link VerifyReport}. Reads only. */
public final class Verifier {
  private Verifier() {}

  public static VerifyReport verify(Plan plan, Path out) throws IOException {
    if (!Files.isDirectory(out)) {
      throw new IllegalArgumentException(Files.exists(out)
          ? out + " is a file, not an output directory; expected the folder given to 'nb201 generate --out'"
          : "output directory " + out + " does not exist; expected the folder given to 'nb201 generate --out'");
    }
    List<TrialSpec> done = new ArrayList<>();
    List<TrialSpec> missing = new ArrayList<>();
    Map<String, String> corrupt = new TreeMap<>();
    Set<String> planned = new HashSet<>();
    for (TrialSpec t : plan.trials()) {
      planned.add(t.id() + ".json");
      Path file = ResultFile.path(out, t.id());
      if (!Files.exists(file)) {
        missing.add(t);
        continue;
      }
      try {
        ResultFile.read(file, t);
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
    return new VerifyReport(done, missing, corrupt, duplicated, extra);
  }
}
