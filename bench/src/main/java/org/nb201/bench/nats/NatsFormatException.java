package org.nb201.bench.nats;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A NATS-Bench file that cannot be used: corrupt or truncated bz2, a rejected pickle, or content
 * that contradicts the official search space. The message is one line starting with the file.
 */
public final class NatsFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public NatsFormatException(Path file, String reason) {
    super(file + ": " + reason);
  }

  public NatsFormatException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
  }
}
