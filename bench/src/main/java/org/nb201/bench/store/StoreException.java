package org.nb201.bench.store;

/**
 * A store file cannot be opened, read or written: missing, not a store, corrupt, truncated, locked
 * or of an unsupported format version. The message is one line that names the file and says what
 * was expected, so command-line tools can print it as is.
 */
public class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StoreException(String message) {
    super(message);
  }

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
