package org.nb201.space;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The whole space as a table, one row per cell in index order: index, arch, unique (smallest index
 * of the official isomorphism class), valid, flops and params in millions for one dataset's network.
 * Written as TSV (with a header) or as a JSON array of objects.
 */
public final class SpaceTable {
  /** The TSV header. */
  public static final String HEADER = "index\tarch\tunique\tvalid\tflops\tparams";

  private SpaceTable() {}

  /** Writes all 15,625 rows to {@code out}. */
  public static void write(SearchSpace space, Dataset dataset, boolean json, Appendable out) {
    NetworkShape shape = dataset.network();
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append(json ? "[\n" : HEADER + "\n");
    try {
      for (int i = 0; i < space.size(); i++) {
        Arch a = space.arch(i);
        Cost c = CostModel.cost(a, shape);
        int unique = space.uniqueClass(i, Isomorphism.OFFICIAL);
        if (json) {
          sb.append("{\"index\":").append(i).append(",\"arch\":\"").append(a).append("\",\"unique\":").append(unique)
              .append(",\"valid\":").append(a.isValid()).append(",\"flops\":").append(c.mflopsText())
              .append(",\"params\":").append(c.mparamsText()).append(i + 1 < space.size() ? "},\n" : "}\n");
        } else {
          sb.append(i).append('\t').append(a).append('\t').append(unique).append('\t').append(a.isValid())
              .append('\t').append(c.mflopsText()).append('\t').append(c.mparamsText()).append('\n');
        }
        if (sb.length() > (1 << 16) - 512) {
          out.append(sb);
          sb.setLength(0);
        }
      }
      if (json) {
        sb.append("]\n");
      }
      out.append(sb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
