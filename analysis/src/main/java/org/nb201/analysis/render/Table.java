package org.nb201.analysis.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A table ready to render: a title, a header, rows of formatted cells (all rows as long as the
 * header), and notes below it. Renderers right-align cells that are numbers.
 */
public record Table(String title, List<String> header, List<List<String>> rows, List<String> notes) {
  public Table {
    header = List.copyOf(header);
    List<List<String>> copy = new ArrayList<>();
    for (List<String> r : rows) {
      if (r.size() != header.size()) {
        throw new IllegalArgumentException("row " + r + " has " + r.size() + " cells, the header " + header.size());
      }
      copy.add(List.copyOf(r));
    }
    rows = List.copyOf(copy);
    notes = List.copyOf(notes);
  }

  /** Collects rows of a table. */
  public static final class Builder {
    private final String title;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    public Builder(String title, String... header) {
      this.title = title;
      this.header = List.of(header);
    }

    public Builder(String title, List<String> header) {
      this.title = title;
      this.header = List.copyOf(header);
    }

    public Builder row(String... cells) {
      rows.add(List.of(cells));
      return this;
    }

    public Builder row(List<String> cells) {
      rows.add(List.copyOf(cells));
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    public Table build() {
      return new Table(title, header, rows, notes);
    }
  }
}
