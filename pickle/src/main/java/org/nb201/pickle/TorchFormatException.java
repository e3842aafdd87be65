package org.nb201.pickle;

import java.io.IOException;

/**
 * A {@code torch.save} file whose container or tensors cannot be read: not a zip or legacy torch
 * file, a missing or oversized storage, an unsupported tensor type. One line; {@link TorchFile}
 * prefixes the file.
 */
public final class TorchFormatException extends IOException {
  private static final long serialVersionUID = 1L;

  public TorchFormatException(String message) {
    super(message);
  }

  public TorchFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
