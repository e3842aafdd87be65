package org.nb201.bench.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.hardware.HardwareFile;
import org.nb201.bench.hardware.HardwareSelection;
import org.nb201.bench.store.CsvImportException;
import org.nb201.space.provenance.Provenance;
import org.nb201.bench.store.Store;
import org.nb201.bench.store.StoreReader;
import org.nb201.bench.store.StoreWriter;

/**
 * Adds device measurements ({@link HardwareFile}: HELP, HW-NAS-Bench, tidy CSV) to a store as its
 * {@code hardware} table. The file is read and checked completely first; then the store is
 * written as a new file that carries over everything the old one holds ({@link
 * StoreWriter#carryOver}) and replaces it atomically, so a refused or interrupted import leaves the
 * store byte for byte as it was. A store that does not exist yet is created with the device
 * values only. Values a store already holds for a (device, dataset, metric) are replaced only with
 * {@code force}. The file becomes a provenance row (name, SHA-256, the selection) that the new
 * values point to.
 */
public final class HardwareImporter {
  private HardwareImporter() {}

  /**
   * What an import did.
   *
   * @param created whether the store was created (it did not exist)
   * @param replaced the tables of the store that were replaced ({@code force})
   * @param notes what the file held besides the imported tables
   * @param carriedTrials trials carried over from the existing store
   */
  public record Summary(Path store, boolean created, HardwareFile.Format format, List<HardwareTable> tables,
      List<String> replaced, List<String> notes, int carriedTrials, double seconds, long storeBytes) {
    public Summary {
      tables = List.copyOf(tables);
      replaced = List.copyOf(replaced);
      notes = List.copyOf(notes);
    }
  }

  /** Imports the tables of {@code source} that {@code selection} takes into {@code store}. */
  public static Summary importHardware(Path source, Path store, HardwareSelection selection, boolean force)
      throws IOException, CsvImportException {
    long t0 = System.nanoTime();
    if (Files.isDirectory(store)) {
      throw new ImportException(store, "is a directory; expected a store file path");
    }
    HardwareFile.Contents contents = HardwareFile.read(source, selection);
    if (contents.tables().isEmpty()) {
      throw new ImportException(source, "holds no device values for " + selection.describe()
          + "; nothing to import");
    }
    boolean exists = Files.exists(store);
    List<String> replaced = new ArrayList<>();
    int carried = 0;
    Provenance provenance = Provenance.ofFile(source, config(contents.format(), selection));
    try (StoreWriter w = StoreWriter.create(store, exists)) {
      if (exists) {
        try (Store old = Store.open(store)) {
          Map<String, StoreReader.HardwareSet> present = new HashMap<>();
          for (StoreReader.HardwareSet h : old.reader().hardwareSets()) {
            present.put(key(h.device(), h.dataset(), h.metric()), h);
          }
          for (HardwareTable t : contents.tables()) {
            StoreReader.HardwareSet h = present.get(key(t.device(), t.dataset(), t.metric()));
            if (h != null && !force) {
              throw new ImportException(store, "already holds " + t.describe() + " (" + h.cells()
                  + " cells); pass --force to replace them");
            }
            if (h != null) {
              replaced.add(t.describe() + " (" + h.cells() + " cells)");
            }
          }
          carried = w.carryOver(old);
        }
        for (HardwareTable t : contents.tables()) {
          w.dropHardware(t.device(), t.dataset(), t.metric());
        }
      }
      w.addProvenance(provenance);
      for (HardwareTable t : contents.tables()) {
        w.addHardware(t);
      }
      w.commit();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Summary(store, !exists, contents.format(), contents.tables(), replaced, contents.notes(), carried,
        seconds, Files.size(store));
  }

  private static String key(String device, String dataset, String metric) {
    return device + "\t" + dataset + "\t" + metric;
  }

  private static Map<String, Object> config(HardwareFile.Format format, HardwareSelection s) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("importer", "hardware");
    c.put("format", format.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (s.device() != null) {
      c.put("device", s.device());
    }
    if (s.dataset() != null) {
      c.put("dataset", s.dataset());
    }
    if (s.metric() != null) {
      c.put("metric", s.metric());
    }
    return c;
  }
}
