package org.nb201.space;

/**
 * A malformed architecture description: the message names the position (1-based character
 * column, or the matrix/list element) and what was expected there.
 */
public final class ArchFormatException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final int position;

  public ArchFormatException(String message, int position) {
    super(message);
    this.position = position;
  }

  /** 1-based character column of the problem, or 0 when it concerns the whole input. */
  public int position() {
    return position;
  }
}
