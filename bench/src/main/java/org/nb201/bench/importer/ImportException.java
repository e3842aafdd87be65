package org.nb201.bench.importer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An import that cannot go on: a source whose content contradicts its format or the official search
 * space, or a store that may not be written. One line, starting with the file concerned; the target
 * store is left as it was.
 */
public final class ImportException extends IOException {
  private static final long serialVersionUID = 1L;

  public ImportException(Path file, String problem) {
    super(file + ": " + problem);
  }

  public ImportException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
  }
}
