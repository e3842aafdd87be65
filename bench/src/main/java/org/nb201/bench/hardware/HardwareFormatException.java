package org.nb201.bench.hardware;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A hardware file that cannot be imported: not a known format, a rejected pickle, or a value or
 * key that contradicts the format (wrong length, not a number, negative or not finite, unknown
 * metric or dataset, cells not in the official index order). One line starting with the file and
 * naming the position; nothing has been written when it is thrown.
 */
public final class HardwareFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public HardwareFormatException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public HardwareFormatException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
