package org.nb201.cli;

/**
 * A user mistake detected by a command (bad input, missing file): printed as one line, exit code 2,
 * never with a stack trace.
 */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
