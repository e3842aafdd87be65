package org.nb201.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.nb201.bench.store.StoreException;
import org.nb201.space.Messages;
import picocli.CommandLine;

/**
 * How the CLI reports failures. User mistakes (bad arguments, bad input data, missing files) are one
 * line on stderr with exit code {@link #USER_ERROR}; anything else is an internal error (exit 1) whose
 * stack trace is printed only when {@code NB201_DEBUG} is set.
 */
final class Errors {
  /** Exit code for user mistakes. */
  static final int USER_ERROR = 2;
  /** Exit code for internal errors. */
  static final int INTERNAL_ERROR = 1;
  /** Longest error line printed. */
  static final int LONGEST = 600;

  private Errors() {}

  static int onParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    String cmd = cl.getCommandSpec().qualifiedName();
    cl.getErr().println("nb201: " + oneLine(ex.getMessage()) + " (see '" + cmd + " --help')");
    cl.getErr().flush();
    return USER_ERROR;
  }

  static int onExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    Throwable t = ex;
    if (isUserMistake(t)) {
      cl.getErr().println("nb201: error: " + oneLine(message(t)));
      cl.getErr().flush();
      return USER_ERROR;
    }
    cl.getErr().println("nb201: internal error: " + oneLine(message(t))
        + (System.getenv("NB201_DEBUG") == null ? " (set NB201_DEBUG=1 for the stack trace)" : ""));
    if (System.getenv("NB201_DEBUG") != null) {
      t.printStackTrace(cl.getErr());
    }
    cl.getErr().flush();
    return INTERNAL_ERROR;
  }

  /**
   * User mistakes: our own exceptions, argument errors, unusable store files and I/O problems with the user's files.
   */
  static boolean isUserMistake(Throwable t) {
    return t instanceof UserException
        || t instanceof StoreException
        || t instanceof IllegalArgumentException
        || t instanceof NoSuchFileException
        || t instanceof UncheckedIOException
        || t instanceof IOException;
  }

  private static String message(Throwable t) {
    if (t instanceof NoSuchFileException nsf) {
      return "no such file: " + nsf.getFile();
    }
    if (t instanceof FileSystemException fs && fs.getFile() != null) {
      // the JDK's message is often the bare path ("r.csv" for permission denied)
      return "cannot use " + fs.getFile() + ": " + Messages.reason(Path.of(fs.getFile()), fs);
    }
    if (t instanceof CharacterCodingException) {
      return "an input file is not UTF-8 text";
    }
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
  }

  /** The message on one line; beyond {@link #LONGEST} characters its middle is cut, so no input is echoed whole. */
  static String oneLine(String s) {
    String line = s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    if (line.length() <= LONGEST) {
      return line;
    }
    return line.substring(0, LONGEST / 2) + " ... (" + (line.length() - LONGEST * 3 / 4) + " characters cut) ... "
        + line.substring(line.length() - LONGEST / 4);
  }
}
