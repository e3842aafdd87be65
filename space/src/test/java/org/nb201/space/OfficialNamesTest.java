package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shared vocabulary: the official {@code remap_dataset_set_names} table (NATS-Bench
 * {@code nats_bench/api_utils.py}), the {@code get_more_info} groups per dataset and their keys.
 */
class OfficialNamesTest {
  @Test
  void remapsTheShortSetNamesAsTheOfficialApiDoes() {
    // (dataset, set) -> (dataset, split) from remap_dataset_set_names and get_metrics
    String[][] table = {
      {"cifar10", "valid", "cifar10-valid", "x-valid"},
      {"cifar10", "test", "cifar10", "ori-test"},
      {"cifar100", "valid", "cifar100", "x-valid"},
      {"cifar100", "test", "cifar100", "x-test"},
      {"ImageNet16-120", "valid", "ImageNet16-120", "x-valid"},
      {"ImageNet16-120", "test", "ImageNet16-120", "x-test"},
      {"cifar10-valid", "valid", "cifar10-valid", "x-valid"},
      {"fashion-mnist", "valid", "fashion-mnist", "x-valid"},
      {"cifar10-valid", "ori-test", "cifar10-valid", "ori-test"},
      {"cifar100", "train", "cifar100", "train"},
    };
    for (String[] row : table) {
      OfficialNames.DatasetSplit ds = OfficialNames.remap(row[0], row[1]);
      assertThat(ds.dataset() + " " + ds.split().key()).as(row[0] + " " + row[1]).isEqualTo(row[2] + " " + row[3]);
    }
  }

  @Test
  void refusesTestWhereItHasNoMeaningAndUnknownNames() {
    assertThatThrownBy(() -> OfficialNames.remap("cifar10-valid", "test"))
        .hasMessage("unknown set 'test' for dataset cifar10-valid; expected one of train, valid, x-valid, x-test,"
            + " ori-test");
    assertThatThrownBy(() -> OfficialNames.remap("cifar100", "xtest"))
        .hasMessage("unknown set 'xtest' for dataset cifar100; expected one of train, valid, test, x-valid, x-test,"
            + " ori-test");
    assertThatThrownBy(() -> OfficialNames.checkDataset("cifar-10"))
        .hasMessage("unknown dataset 'cifar-10'; expected one of cifar10-valid, cifar10, cifar100, ImageNet16-120"
            + " (or fashion-mnist)");
  }

  @Test
  void groupsGiveTheOfficialKeyPrefixesPerDataset() {
    assertThat(prefixes("cifar10-valid")).containsExactly("valid x-valid required", "test ori-test");
    assertThat(prefixes("cifar10")).containsExactly("valid x-valid", "test ori-test");
    assertThat(prefixes("cifar100")).containsExactly("valid x-valid", "test x-test", "valtest ori-test");
    assertThat(prefixes("ImageNet16-120")).containsExactly("valid x-valid", "test x-test", "valtest ori-test");
    Map<String, Double> info = new LinkedHashMap<>();
    OfficialNames.TRAIN.put(info, 1.5, 60.0, 10.0, 120.0);
    assertThat(info).containsExactly(Map.entry("train-loss", 1.5), Map.entry("train-accuracy", 60.0),
        Map.entry("train-per-time", 10.0), Map.entry("train-all-time", 120.0));
  }

  @Test
  void theListsComeFromTheEnums() {
    assertThat(OfficialNames.OFFICIAL_DATASETS).containsExactly("cifar10-valid", "cifar10", "cifar100",
        "ImageNet16-120");
    assertThat(OfficialNames.SIMULATE_DATASETS).containsExactly("cifar10", "cifar100", "ImageNet16-120");
    assertThat(Split.evaluation()).extracting(Split::key).containsExactly("x-valid", "x-test", "ori-test");
  }

  private static List<String> prefixes(String dataset) {
    return OfficialNames.groups(dataset).stream()
        .map(g -> g.prefix() + " " + g.split().key() + (g.required() ? " required" : "")).toList();
  }
}
