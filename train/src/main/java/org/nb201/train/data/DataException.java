package org.nb201.train.data;

import java.nio.file.Path;

/**
 * A problem with the user's data files (missing, truncated, wrong checksum, wrong shape or
 * format): the message is one line that names the file and the problem.
 */
public final class DataException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Path file;

  public DataException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public DataException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The offending file or directory. */
  public Path file() {
    return file;
  }
}
