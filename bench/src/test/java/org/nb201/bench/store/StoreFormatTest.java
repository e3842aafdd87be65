package org.nb201.bench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The enum lists of the format come from {@code Dataset} and {@code Split}; they must stay the ones
 * {@code docs/store-format.md} documents for format version 1 (a new dataset or split is a new version).
 */
class StoreFormatTest {
  @Test
  void enumListsAreTheDocumentedOnes() throws IOException {
    Path doc = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve("docs/store-format.md");
    assumeTrue(Files.isRegularFile(doc), "no docs/store-format.md next to the module: skipping");
    String text = Files.readString(doc);
    assertThat(StoreFormat.DATASETS).isEqualTo(documented(text, "dataset_t"));
    assertThat(StoreFormat.SPLITS).isEqualTo(documented(text, "split_t"));
  }

  private static List<String> documented(String doc, String type) {
    Matcher m = Pattern.compile("`" + type + "` = ENUM\\(([^)]*)\\)").matcher(doc);
    assertThat(m.find()).as(type + " in docs/store-format.md").isTrue();
    return Arrays.stream(m.group(1).split(",")).map(s -> s.strip().replace("`", "")).toList();
  }
}
