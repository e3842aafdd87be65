package org.nb201.pickle;

/**
 * A pickle was rejected: malformed, truncated, over a limit, or asking for something the
 * {@link PickleProfile} does not allow. The message is one line naming the byte offset of the
 * offending opcode, the opcode and the reason, so that a user can locate the problem in a dump.
 */
public final class PickleException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long offset;
  private final int opcode;
  private final String reason;
  private final String forbiddenGlobal;
  private final boolean truncated;

  PickleException(long offset, int opcode, String reason) {
    this(offset, opcode, reason, null, false);
  }

  PickleException(long offset, int opcode, String reason, String forbiddenGlobal, boolean truncated) {
    super("pickle rejected at offset " + offset + " (" + Opcodes.describe(opcode) + "): " + reason);
    this.offset = offset;
    this.opcode = opcode;
    this.reason = reason;
    this.forbiddenGlobal = forbiddenGlobal;
    this.truncated = truncated;
  }

  /** Byte offset of the offending opcode from the start of the input. */
  public long offset() {
    return offset;
  }

  /** The offending opcode byte (0..255), or -1 when the input ended. */
  public int opcode() {
    return opcode;
  }

  /** Why the pickle was rejected, without the location prefix. */
  public String reason() {
    return reason;
  }

  /**
   * The qualified name ({@code module.name}, escaped and clipped as in the message) of the global
   * the profile refused, or {@code null} when the pickle was rejected for another reason.
   */
  public String forbiddenGlobal() {
    return forbiddenGlobal;
  }

  /**
   * Whether the pickle needs bytes beyond the end of its input: the file is truncated, or a length
   * or opcode in it is corrupt. Lets a format reader say "truncated" in its own words.
   */
  public boolean isTruncated() {
    return truncated;
  }
}
