package org.nb201.train.search;

import java.io.IOException;

/**
 * A run folder that cannot be used as asked: damaged run file or checkpoint, a run already there
 * without resume, different settings on resume. The one-line message names the file and what to do.
 */
public final class RunFolderException extends IOException {
  private static final long serialVersionUID = 1L;

  public RunFolderException(String message) {
    super(message);
  }
}
