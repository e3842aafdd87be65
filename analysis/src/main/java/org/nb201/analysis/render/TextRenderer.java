package org.nb201.analysis.render;

import java.util.List;

/** Tables as aligned plain text for the terminal: title, header, rows, notes. */
public final class TextRenderer {
  private TextRenderer() {}

  /** All tables, separated by blank lines. */
  public static String render(List<Table> tables) {
    StringBuilder sb = new StringBuilder();
    for (Table t : tables) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(render(t));
    }
    return sb.toString();
  }

  public static String render(Table t) {
    int cols = t.header().size();
    int[] width = new int[cols];
    boolean[] right = new boolean[cols];
    for (int c = 0; c < cols; c++) {
      width[c] = t.header().get(c).length();
      right[c] = !t.rows().isEmpty();
      for (List<String> r : t.rows()) {
        width[c] = Math.max(width[c], r.get(c).length());
        right[c] &= Format.numeric(r.get(c));
      }
    }
    StringBuilder sb = new StringBuilder();
    if (t.title() != null && !t.title().isEmpty()) {
      sb.append(t.title()).append('\n');
    }
    if (!t.rows().isEmpty()) {
      line(sb, t.header(), width, right);
      for (List<String> r : t.rows()) {
        line(sb, r, width, right);
      }
    }
    for (String n : t.notes()) {
      sb.append("note: ").append(n).append('\n');
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
    StringBuilder l = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        l.append("  ");
      }
      String s = cells.get(c);
      String pad = " ".repeat(width[c] - s.length());
      l.append(right[c] ? pad + s : c == cells.size() - 1 ? s : s + pad);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
