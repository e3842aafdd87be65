package org.nb201.bench.hardware;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.nb201.bench.HardwareTable;
import org.nb201.bench.store.CsvImportException;
import org.nb201.bench.store.HardwareCsv;
import org.nb201.pickle.PickleException;
import org.nb201.pickle.PickleProfile;
import org.nb201.pickle.PickleReader;
import org.nb201.pickle.TorchFile;

/**
 * Reads a file of device measurements, recognising its format from its content: a pickle (plain or
 * in a {@code torch.save} container) holding a list is a HELP per-device file, one holding a dict
 * with {@code nasbench201} is the HW-NAS-Bench pickle, and text starting with the header
 * {@link HardwareCsv#HEADER} is the tidy hardware CSV. Nothing is written; every problem is one
 * line naming the file and the position.
 */
public final class HardwareFile {
  /** The formats {@link #read} recognises. */
  public enum Format {
    HELP("HELP per-device file"),
    HW_NAS_BENCH("HW-NAS-Bench pickle"),
    CSV("hardware CSV");

    private final String description;

    Format(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /** What a file holds: the selected tables, and notes on what was checked or left out. */
  public record Contents(Format format, List<HardwareTable> tables, List<String> notes) {
    public Contents {
      tables = List.copyOf(tables);
      notes = List.copyOf(notes);
    }
  }

  private HardwareFile() {}

  /** Reads the tables of {@code file} that {@code selection} takes. */
  public static Contents read(Path file, HardwareSelection selection) throws IOException, CsvImportException {
    if (!Files.exists(file)) {
      throw new NoSuchFileException(file.toString(), null, "hardware file not found");
    }
    if (!Files.isRegularFile(file)) {
      throw new HardwareFormatException(file, "is not a regular file; expected a HELP file, the HW-NAS-Bench pickle"
          + " or a hardware CSV");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(HardwareCsv.HEADER.length() + 3);
    }
    boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    boolean pickle = head.length >= 2 && (head[0] & 0xff) == 0x80;
    if (zip || pickle) {
      Object root = readPickle(file, zip, PROFILE);
      if (root instanceof List<?> list) {
        return new Contents(Format.HELP, List.of(HelpFile.table(file, list, selection)), List.of());
      }
      if (root instanceof Map<?, ?> map && map.containsKey(HwNasBenchFile.SPACE)) {
        return HwNasBenchFile.read(file, map, selection);
      }
      throw new HardwareFormatException(file, "holds " + CellValues.typeName(root) + "; expected a list of one value"
          + " per cell (HELP) or a dict with '" + HwNasBenchFile.SPACE + "' (HW-NAS-Bench)");
    }
    String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
    if (text.startsWith(HardwareCsv.HEADER)) {
      return new Contents(Format.CSV, HardwareCsv.read(file, selection::accepts), List.of());
    }
    throw new HardwareFormatException(file, "is not a HELP per-device file (torch.save zip or pickle of a list),"
        + " the HW-NAS-Bench pickle or a hardware CSV with the header '" + HardwareCsv.HEADER + "'");
  }

  /**
   * What a hardware pickle may contain: plain data (HELP's lists of floats, HW-NAS-Bench's dicts,
   * lists and config dicts) and numpy scalars and arrays, in which a table may have been saved.
   */
  static final PickleProfile PROFILE = PickleProfile.plainData().toBuilder().allowNumpyScalars().allowNumpyArrays()
      .build();

  /** The value of a pickle file: a plain pickle, or a {@code torch.save} zip or legacy container. */
  static Object readPickle(Path file, boolean zip, PickleProfile profile) throws IOException {
    if (zip) {
      return TorchFile.read(file, profile);
    }
    byte[] data = Files.readAllBytes(file);
    try {
      PickleReader.Parsed p = PickleReader.readAt(data, 0, profile);
      if (p.end() == data.length) {
        return p.value();
      }
    } catch (PickleException e) {
      throw new HardwareFormatException(file, e.getMessage(), e);
    }
    return TorchFile.read(file, profile); // several pickles in a row: torch's legacy container
  }
}
