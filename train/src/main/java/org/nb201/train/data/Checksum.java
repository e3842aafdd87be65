package org.nb201.train.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Collects the MD5s of every file a setting reads; its digest identifies the data in provenance. */
final class Checksum {
  private final List<String> entries = new ArrayList<>();

  void add(DataFile f) {
    entries.add(f.path().getFileName() + ":" + f.md5());
  }

  void add(String name, String value) {
    entries.add(name + ":" + value);
  }

  /** MD5 over the sorted-by-read-order list {@code name:md5}, one per line. */
  String digest() {
    return DataFile.md5(String.join("\n", entries).getBytes(StandardCharsets.UTF_8));
  }
}
