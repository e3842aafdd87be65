package org.nb201.analysis.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;

/** Charts as PNG bytes, drawn headless (no display needed; text needs a font, e.g. Debian's fonts-dejavu-core). */
public final class ChartImages {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ChartImages() {}

  public static byte[] png(Figure f) {
    try {
      return BitmapEncoder.getBitmapBytes(f.chart(), BitmapEncoder.BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart '" + f.chart().getTitle() + "': " + e.getMessage(), e);
    }
  }
}
