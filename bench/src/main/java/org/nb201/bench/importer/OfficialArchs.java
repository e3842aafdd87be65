package org.nb201.bench.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;

/**
 * Checks a file's {@code meta_archs} against the official index order of {@link SearchSpace}: every
 * entry present must be the official string of its index (a full file has all 15,625; the test
 * fixtures hold a prefix), and every imported index must be listed.
 */
final class OfficialArchs {
  private OfficialArchs() {
  }

  /** The {@code meta_archs} list of a benchmark dict; an error naming the file when absent or malformed. */
  static List<?> metaArchs(Path file, Object root) throws ImportException {
    if (!(root instanceof Map<?, ?> m)) {
      throw new ImportException(file, "top-level value is not a dict");
    }
    if (!(m.get("meta_archs") instanceof List<?> archs)) {
      throw new ImportException(file, "no 'meta_archs' list at the top level");
    }
    if (archs.size() > Arch.COUNT) {
      throw new ImportException(file, "meta_archs has " + archs.size() + " entries, more than " + Arch.COUNT);
    }
    for (int i = 0; i < archs.size(); i++) {
      String official = SearchSpace.official().arch(i).toString();
      if (!official.equals(archs.get(i))) {
        throw new ImportException(file, "meta_archs[" + i + "] is " + describe(archs.get(i))
            + " but the official architecture " + i + " is '" + official + "'");
      }
    }
    return archs;
  }

  /** An architecture index from a dict key, which must be listed in {@code meta_archs}. */
  static int index(Path file, Object key, int listed) throws ImportException {
    if (!(key instanceof Long l) || l < 0 || l >= Arch.COUNT) {
      throw new ImportException(file, "arch2infos key " + describe(key) + " is not an index 0.." + (Arch.COUNT - 1));
    }
    if (listed >= 0 && l >= listed) {
      throw new ImportException(file, "architecture " + l + " is beyond the " + listed + " entries of meta_archs");
    }
    return (int) (long) l;
  }

  static String describe(Object v) {
    if (v instanceof String s) {
      return "'" + (s.length() > 100 ? s.substring(0, 100) + "..." : s).replaceAll("\\p{Cntrl}", "?") + "'";
    }
    return v == null ? "None" : v instanceof Number ? v.toString() : v.getClass().getSimpleName();
  }
}
