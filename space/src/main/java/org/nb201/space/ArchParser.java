package org.nb201.space;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the three text forms of a cell, strictly, with one error that names the 1-based column
 * and what was expected there:
 *
 * <ul>
 *   <li>the official string {@code |op~0|+|op~0|op~1|+|op~0|op~1|op~2|} (canonical edge order,
 *       all six edges, {@code none} included, as the benchmark keys require: AutoDL-Projects
 *       {@code genotypes.py::Structure.tostr}; see docs/search-space.md#architecture-strings);
 *   <li>the {@code str2lists} form as Python prints it, {@code [(('op', 0),), (('op', 0), ('op', 1)), ...]}
 *       (brackets and parentheses are interchangeable, so the JSON spelling works too);
 *   <li>the {@code str2matrix} form {@code [[0,0,0,0],[4,0,0,0],[2,1,0,0],[2,1,1,0]]}.
 * </ul>
 *
 * Leading and trailing whitespace is ignored; anything else out of place is an error.
 */
public final class ArchParser {
  static final String EXPECTED_FORM = "|op~0|+|op~0|op~1|+|op~0|op~1|op~2|";

  private ArchParser() {}

  /** Parses any of the three forms, chosen by the first character ({@code |} or a bracket). */
  public static Arch parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ArchFormatException(
          "empty architecture string; expected " + EXPECTED_FORM + " with ops " + Op.officialNames(), 0);
    }
    int lead = 0;
    while (Character.isWhitespace(text.charAt(lead))) {
      lead++;
    }
    String s = text.strip();
    char first = s.charAt(0);
    if (first == '[' || first == '(') {
      return parseNested(s, lead);
    }
    return parseOfficial(s, lead);
  }

  /** Parses the official string form only. */
  public static Arch parseOfficial(String s) {
    if (s == null || s.isEmpty()) {
      throw new ArchFormatException("empty architecture string; expected " + EXPECTED_FORM, 0);
    }
    return parseOfficial(s, 0);
  }

  private static Arch parseOfficial(String s, int offset) {
    List<int[]> groups = new ArrayList<>(); // [start, end) of each '+'-separated group
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      if (i == s.length() || s.charAt(i) == '+') {
        groups.add(new int[] {start, i});
        start = i + 1;
      }
    }
    if (groups.size() != 3) {
      throw new ArchFormatException(
          "expected 3 node groups separated by '+', found " + groups.size() + " in '" + Messages.clip(s)
              + "'; expected form " + EXPECTED_FORM, 0);
    }
    Op[] ops = new Op[Arch.EDGES];
    for (int node = 1; node <= 3; node++) {
      int[] g = groups.get(node - 1);
      parseGroup(s, g[0], g[1], node, ops, offset);
    }
    return Arch.of(ops);
  }

  /**
   * Parses the group {@code |op~0|...|} of {@code node} in {@code s[from, to)} left to right, so that an
   * error points at the first character that cannot belong to it.
   */
  private static void parseGroup(String s, int from, int to, int node, Op[] ops, int offset) {
    if (from == to) {
      throw fail("empty node group for node " + node, from, offset);
    }
    if (s.charAt(from) != '|') {
      throw fail(stray(s, from) + ": expected '|' to open the group of node " + node, from, offset);
    }
    int at = from + 1;
    for (int item = 0; item < node; item++) {
      int bar = s.indexOf('|', at);
      if (at == to) {
        throw fail("node " + node + " has " + item + " edge" + (item == 1 ? "" : "s") + "; expected exactly " + node
            + " (one per source node 0.." + (node - 1) + ")", from, offset);
      }
      if (bar < 0 || bar >= to) {
        ops[Edge.indexOf(node, item)] = parseItem(s, at, to, node, item, offset);
        throw fail("expected '|' to close the group of node " + node, to, offset);
      }
      ops[Edge.indexOf(node, item)] = parseItem(s, at, bar, node, item, offset);
      at = bar + 1;
    }
    if (at < to) {
      int bar = s.indexOf('|', at);
      if (bar >= 0 && bar < to) {
        throw fail("node " + node + " has more than " + node + " edges; expected exactly " + node
            + " (one per source node 0.." + (node - 1) + ")", at, offset);
      }
      throw fail(stray(s, at) + " after the edges of node " + node + ": expected " + (node < 3 ? "'+' and the group"
          + " of node " + (node + 1) : "the end of the string"), at, offset);
    }
  }

  private static Op parseItem(String s, int from, int to, int node, int source, int offset) {
    String item = s.substring(from, to);
    if (item.isEmpty()) {
      throw fail("empty edge item for node " + node + ": expected op~" + source, from, offset);
    }
    int tilde = item.indexOf('~');
    if (tilde < 0 || item.indexOf('~', tilde + 1) >= 0) {
      throw fail("edge item '" + Messages.clip(item) + "' of node " + node + ": expected op~" + source, from, offset);
    }
    String name = item.substring(0, tilde);
    Op op = Op.byName(name);
    if (op == null) {
      throw fail("unknown op '" + Messages.clip(name) + "'; expected one of " + Op.officialNames(), from, offset);
    }
    String src = item.substring(tilde + 1);
    if (!src.equals(Integer.toString(source))) {
      throw fail("bad input node '~" + Messages.clip(src) + "' in edge '" + Messages.clip(item) + "' of node " + node
          + ": expected ~" + source
          + " (edges of node " + node + " come from nodes 0.." + (node - 1) + " in order)", from + tilde, offset);
    }
    return op;
  }

  private static String stray(String s, int at) {
    char c = s.charAt(at);
    return Character.isWhitespace(c) || Character.isISOControl(c)
        ? String.format("stray character U+%04X", (int) c)
        : "stray character '" + c + "'";
  }

  private static ArchFormatException fail(String what, int index, int offset) {
    int column = index + offset + 1;
    return new ArchFormatException(what + " (at column " + column + ")", column);
  }

  // ---- the list and matrix forms: a tiny tokenizer for nested brackets, quoted strings and ints ----

  private record Node(Object value, int column) {}

  private static Arch parseNested(String s, int offset) {
    Cursor c = new Cursor(s, offset);
    Node root = c.value();
    c.skipSpace();
    if (c.pos < s.length()) {
      throw c.fail("stray character '" + s.charAt(c.pos) + "' after the closing bracket");
    }
    List<?> top = list(root, "a list of node tuples or a 4x4 matrix");
    if (!top.isEmpty() && top.get(0) instanceof Node n0 && n0.value() instanceof List<?> row0
        && !row0.isEmpty() && row0.get(0) instanceof Node n00 && n00.value() instanceof Integer) {
      return matrix(top, root.column());
    }
    return lists(top, root.column());
  }

  private static Arch lists(List<?> top, int column) {
    if (top.size() != 3) {
      throw new ArchFormatException("expected 3 node tuples in the list form, found " + top.size()
          + " (at column " + column + ")", column);
    }
    Op[] ops = new Op[Arch.EDGES];
    for (int node = 1; node <= 3; node++) {
      Node group = (Node) top.get(node - 1);
      List<?> items = list(group, "the tuple of edges into node " + node);
      if (items.size() != node) {
        throw new ArchFormatException("node " + node + " has " + items.size() + " edges; expected exactly " + node
            + " (at column " + group.column() + ")", group.column());
      }
      for (int source = 0; source < node; source++) {
        Node item = (Node) items.get(source);
        List<?> pair = list(item, "an (op, source) pair");
        if (pair.size() != 2 || !(((Node) pair.get(0)).value() instanceof String name)
            || !(((Node) pair.get(1)).value() instanceof Integer src)) {
          throw new ArchFormatException("expected ('op', " + source + ") for edge " + node + "<-" + source
              + " (at column " + item.column() + ")", item.column());
        }
        Op op = Op.byName(name);
        int col = ((Node) pair.get(0)).column();
        if (op == null) {
          throw new ArchFormatException("unknown op '" + Messages.clip(name) + "'; expected one of "
              + Op.officialNames() + " (at column " + col + ")", col);
        }
        if (src != source) {
          int scol = ((Node) pair.get(1)).column();
          throw new ArchFormatException("bad input node " + src + " for edge " + (source + 1) + " of node " + node
              + ": expected " + source + " (at column " + scol + ")", scol);
        }
        ops[Edge.indexOf(node, source)] = op;
      }
    }
    return Arch.of(ops);
  }

  private static Arch matrix(List<?> top, int column) {
    int[][] m = new int[top.size()][];
    for (int i = 0; i < top.size(); i++) {
      Node row = (Node) top.get(i);
      List<?> cells = list(row, "a matrix row");
      m[i] = new int[cells.size()];
      for (int j = 0; j < cells.size(); j++) {
        Node cell = (Node) cells.get(j);
        if (!(cell.value() instanceof Integer v)) {
          throw new ArchFormatException("matrix entry [" + i + "][" + j + "] is not an integer (at column "
              + cell.column() + ")", cell.column());
        }
        m[i][j] = v;
      }
    }
    return fromMatrix(m);
  }

  /**
   * The cell of an official {@code str2matrix} matrix: 4x4, entry {@code [i][j]} the op index (0..4)
   * of edge {@code i <- j}, zero on and above the diagonal.
   */
  public static Arch fromMatrix(int[][] m) {
    if (m.length != Edge.NODES) {
      throw new ArchFormatException("expected a 4x4 matrix, found " + m.length + " rows", 0);
    }
    Op[] ops = new Op[Arch.EDGES];
    for (int i = 0; i < Edge.NODES; i++) {
      if (m[i].length != Edge.NODES) {
        throw new ArchFormatException("expected a 4x4 matrix, row " + i + " has " + m[i].length + " entries", 0);
      }
      for (int j = 0; j < Edge.NODES; j++) {
        int v = m[i][j];
        if (j >= i) {
          if (v != 0) {
            throw new ArchFormatException("matrix entry [" + i + "][" + j + "] = " + v
                + ": expected 0 on and above the diagonal (only edges i<-j with j<i exist)", 0);
          }
        } else if (v < 0 || v > 4) {
          throw new ArchFormatException("matrix entry [" + i + "][" + j + "] = " + v
              + ": expected an op index 0..4 " + Op.officialNames(), 0);
        } else {
          ops[Edge.indexOf(i, j)] = Op.ofIndex(v);
        }
      }
    }
    return Arch.of(ops);
  }

  private static List<?> list(Node n, String expected) {
    if (n.value() instanceof List<?> l) {
      return l;
    }
    throw new ArchFormatException("expected " + expected + " (at column " + n.column() + ")", n.column());
  }

  private static final class Cursor {
    private final String s;
    private final int offset;
    private int pos;
    private int depth;

    Cursor(String s, int offset) {
      this.s = s;
      this.offset = offset;
    }

    void skipSpace() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    ArchFormatException fail(String what) {
      int column = pos + offset + 1;
      return new ArchFormatException(what + " (at column " + column + ")", column);
    }

    Node value() {
      skipSpace();
      if (pos >= s.length()) {
        throw fail("unexpected end of input: expected a value");
      }
      int column = pos + offset + 1;
      char ch = s.charAt(pos);
      if (ch == '[' || ch == '(') {
        if (++depth > 4) {
          throw fail("nesting too deep: expected at most 3 levels of brackets");
        }
        char close = ch == '[' ? ']' : ')';
        pos++;
        List<Node> items = new ArrayList<>();
        while (true) {
          skipSpace();
          if (pos >= s.length()) {
            throw fail("unexpected end of input: expected '" + close + "'");
          }
          if (s.charAt(pos) == close) {
            pos++;
            depth--;
            return new Node(items, column);
          }
          items.add(value());
          skipSpace();
          if (pos < s.length() && s.charAt(pos) == ',') {
            pos++;
          } else if (pos >= s.length() || s.charAt(pos) != close) {
            throw fail(pos >= s.length() ? "unexpected end of input: expected ',' or '" + close + "'"
                : "stray character '" + s.charAt(pos) + "': expected ',' or '" + close + "'");
          }
        }
      }
      if (ch == '\'' || ch == '"') {
        int end = s.indexOf(ch, pos + 1);
        if (end < 0) {
          throw fail("unterminated string");
        }
        String v = s.substring(pos + 1, end);
        pos = end + 1;
        return new Node(v, column);
      }
      if (ch == '-' || Character.isDigit(ch)) {
        int start = pos++;
        while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
          pos++;
        }
        String digits = s.substring(start, pos);
        if (digits.equals("-") || digits.length() > 6) {
          pos = start;
          throw fail("bad number '" + Messages.clip(digits) + "'");
        }
        return new Node(Integer.parseInt(digits), column);
      }
      throw fail("stray character '" + ch + "': expected a bracket, a quoted op name or a number");
    }
  }
}
