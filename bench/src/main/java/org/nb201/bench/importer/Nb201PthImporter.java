package org.nb201.bench.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nb201.bench.nats.NatsArchReader;
import org.nb201.pickle.GlobalKind;
import org.nb201.pickle.PickleProfile;
import org.nb201.pickle.TorchFile;
import org.nb201.space.Arch;
import org.nb201.space.provenance.Input;
import org.nb201.space.provenance.Provenance;

/**
 * Imports a NAS-Bench-201 benchmark file ({@code NAS-Bench-201-v1_0-e61699.pth},
 * {@code NAS-Bench-201-v1_1-096897.pth}: {@code torch.save} output, zip or legacy container) without
 * torch. Layout (NAS-Bench-201 {@code nas_201_api/api_201.py::NASBench201API}, {@code nas_201_api/api_utils.py};
 * see docs/benchmark-data.md#the-record-of-a-trial):
 * {meta_archs, arch2infos: {index: {'less': ArchResults state, 'full': ...}},
 * evaluated_indexes}; {@code less} is stored as hp 12 and {@code full} as hp 200, as the official API
 * renames them. v1.0 'full' records carry no times, which become NaN (AutoDL-Projects issue #55; see
 * docs/benchmark-data.md#time-model). The data pickle is
 * streamed entry by entry as for the NATS archive.
 */
public final class Nb201PthImporter {
  /**
   * What a NAS-Bench-201 {@code .pth} pickle may contain: torch's tensor names
   * ({@link PickleProfile#torchSave()}), numpy scalars as in the NATS files, and the two
   * {@code nas_201_api} result classes, whose instances only carry their state dict.
   */
  static final PickleProfile PICKLE_PROFILE = PickleProfile.torchSave().toBuilder()
      .allowNumpyScalars()
      .allow("nas_201_api.api_utils.ArchResults", GlobalKind.DATA_OBJECT)
      .allow("nas_201_api.api_utils.ResultsCount", GlobalKind.DATA_OBJECT)
      .build();

  private Nb201PthImporter() {
  }

  /** Imports {@code file} into a new store at {@code target}. */
  public static ImportSummary importPth(Path file, Path target, ImportOptions options) throws IOException {
    StoreFeed.checkTarget(target, options.overwrite());
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "NAS-Bench-201 file not found");
    }
    TorchFile.Container container = TorchFile.detect(file);
    Provenance provenance = Provenance.builder().addInput(Input.file(Input.SOURCE, file))
        .putConfig("importer", "nb201-pth").putConfig("container", container.name().toLowerCase(Locale.ROOT)).build();
    int[] maxIndex = {-1};
    try (StoreFeed feed = StoreFeed.open(file, target, options.overwrite(), provenance);
        ImportProgress progress = ImportProgress.start("import", Arch.COUNT, "archs", options.progress())) {
      Object root = TorchFile.stream(file, PICKLE_PROFILE, List.of("arch2infos"), (key, value) -> {
        int index = OfficialArchs.index(file, key, -1);
        feed.add(NatsArchReader.fromArchResults(file, renameHps(file, index, value), index));
        maxIndex[0] = Math.max(maxIndex[0], index);
        progress.step();
      });
      List<?> meta = OfficialArchs.metaArchs(file, root);
      if (maxIndex[0] >= meta.size()) {
        throw new ImportException(file, "architecture " + maxIndex[0] + " is beyond the " + meta.size()
            + " entries of meta_archs");
      }
      return feed.commit(0);
    }
  }

  /** {'less': a, 'full': b} as {'12': a, '200': b}; NATS-style keys are accepted as they are. */
  static Map<String, Object> renameHps(Path file, int index, Object value) throws ImportException {
    if (!(value instanceof Map<?, ?> m)) {
      throw new ImportException(file, "arch2infos[" + index + "] is not a dict of hp records");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String hp = switch (String.valueOf(e.getKey())) {
        case "less", "12" -> "12";
        case "full", "200" -> "200";
        default -> throw new ImportException(file, "arch2infos[" + index + "] has hp key "
            + OfficialArchs.describe(e.getKey()) + "; expected 'less' and 'full'");
      };
      if (!(e.getKey() instanceof String) || out.put(hp, e.getValue()) != null) {
        throw new ImportException(file, "arch2infos[" + index + "] has hp key "
            + OfficialArchs.describe(e.getKey()) + " twice or not as a string");
      }
    }
    return out;
  }
}
