package org.nb201.generate.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.bench.SearchRun;
import org.nb201.generate.CorruptResultException;
import org.nb201.generate.Json;
import org.nb201.generate.ResultFile;
import org.nb201.space.Arch;
import org.nb201.space.SearchSpace;
import org.nb201.space.provenance.Provenance;
import org.nb201.train.search.SearchEpoch;
import org.nb201.train.search.SearchResult;

/** A search result file round-trips, and every kind of damage or mix-up is refused naming the file. */
class SearchResultFileTest {
  @TempDir Path out;

  private static final SearchTrial TRIAL = SearchTrial.of("gdas", "fashion-mnist", 0, Map.of("epochs", "2", "C", "4",
      "N", "1"));
  private static final SearchTrial OTHER = SearchTrial.of("gdas", "fashion-mnist", 1, Map.of("epochs", "2", "C", "4",
      "N", "1"));

  private static SearchEpoch epoch(int e, int genotype) {
    double[][] alpha = new double[6][5];
    for (double[] row : alpha) {
      java.util.Arrays.fill(row, 0.2);
    }
    return new SearchEpoch(e, 0.025 - e * 0.01, 1.5 + e, 200, 2.3, 10.5, 50.0, 2.31, 9.5, 48.0, Double.NaN,
        Double.NaN, Double.NaN, Map.of("tau", 10.0 - 9.9 * e), SearchSpace.official().arch(genotype), alpha);
  }

  private static SearchResult result(int epochs) {
    List<SearchEpoch> list = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      list.add(epoch(e, e == 0 ? 3 : 1462));
    }
    return new SearchResult("gdas", SearchSpace.official().arch(1462), list, Map.of("method", "gdas"),
        Provenance.of("test", Map.of()).toMap());
  }

  @Test
  void roundTripsAndGivesTheStoreRecord() throws Exception {
    Path file = SearchResultFile.write(out, TRIAL, result(2), Provenance.of("test", Map.of("seed", 0)));
    assertThat(file).isEqualTo(ResultFile.path(out, TRIAL.id()));
    SearchResultFile.Content c = SearchResultFile.read(file, TRIAL);
    assertThat(c.arch()).isEqualTo(SearchSpace.official().arch(1462));
    assertThat(c.epochs()).extracting(SearchEpoch::genotype).containsExactly(SearchSpace.official().arch(3),
        SearchSpace.official().arch(1462));
    assertThat(c.seconds()).isEqualTo(4.0);
    assertThat(c.images()).isEqualTo(400);
    SearchRun row = SearchRuns.row(c);
    assertThat(row.search()).isEqualTo(TRIAL.id());
    assertThat(row.chosenIndex()).isEqualTo(1462);
    assertThat(row.epochs()).extracting(SearchRun.Epoch::genotypeIndex).containsExactly(3, 1462);
    assertThat(row.epochs().get(1).lr()).isEqualTo(0.025 - 0.01);
    assertThat(row.epochs().get(0).validTop1()).isNaN();
    assertThat(row.epochs().get(0).archTop1()).isEqualTo(9.5);
    assertThat(row.settings()).isEqualTo(TRIAL.settingsJson());
  }

  @Test
  void refusesDamageAndMixUpsNamingTheFile() throws Exception {
    Path file = SearchResultFile.write(out, TRIAL, result(2), Provenance.of("test", Map.of()));
    String name = file.getFileName().toString();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.substring(0, text.length() / 2));
    assertThatThrownBy(() -> SearchResultFile.read(file, TRIAL)).isInstanceOf(CorruptResultException.class)
        .hasMessage(name + ": truncated (no checksum line)");
    Files.writeString(file, text.replace("\"arch_index\":1462", "\"arch_index\":1463"));
    assertThatThrownBy(() -> SearchResultFile.read(file, TRIAL))
        .hasMessage(name + ": checksum mismatch (the file was altered or damaged)");
    // an edit with a recomputed checksum is still caught by the content checks
    String body = text.substring(0, text.indexOf('\n')).replace("\"arch_index\":1462", "\"arch_index\":1463");
    Files.writeString(file, body + "\nsha256:" + Json.sha256(body) + "\n");
    assertThatThrownBy(() -> SearchResultFile.read(file, TRIAL))
        .hasMessage(name + ": arch_index 1463 is not the index of " + SearchSpace.official().arch(1462));
    // another search's result under this name
    Path other = SearchResultFile.write(out, OTHER, result(2), Provenance.of("test", Map.of()));
    Files.copy(other, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertThatThrownBy(() -> SearchResultFile.read(file, TRIAL))
        .hasMessage(name + ": holds search " + OTHER.id() + ", expected " + TRIAL.id() + " (" + TRIAL.describe() + ")");
    // a result with fewer epochs than the search has
    SearchResultFile.write(out, TRIAL, result(1), Provenance.of("test", Map.of()));
    assertThatThrownBy(() -> SearchResultFile.read(file, TRIAL))
        .hasMessage(name + ": 1 epoch records, the search has 2 epochs");
    assertThat(Arch.COUNT).isEqualTo(15_625);
  }
}
