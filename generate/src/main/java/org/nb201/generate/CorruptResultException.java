package org.nb201.generate;

/** A result file that cannot be trusted: unreadable, truncated, altered, or for another trial. */
public final class CorruptResultException extends Exception {
  private static final long serialVersionUID = 1L;

  public CorruptResultException(String message) {
    super(message);
  }
}
