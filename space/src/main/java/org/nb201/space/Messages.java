package org.nb201.space;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * How error messages show what the user gave: a failed read of a file in words a user can act on
 * (the JDK's own messages are "Input length = 1" or just the path), and long user text clipped so
 * that a one-megabyte argument does not come back as a one-megabyte error line.
 */
public final class Messages {
  /** Characters of user text an error message shows. */
  public static final int SHOWN = 80;

  private Messages() {}

  /** {@code text} itself when short, else its first {@link #SHOWN} characters, "...", and its length. */
  public static String clip(String text) {
    if (text == null || text.length() <= SHOWN) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(SHOWN - 1)) ? SHOWN - 1 : SHOWN;
    return text.substring(0, end) + "... (" + text.length() + " characters)";
  }

  /**
   * What went wrong with {@code file}, in words: "not UTF-8 text", "permission denied", "no such file",
   * "a directory", "a folder on its path is not a directory", or the system's reason.
   */
  public static String reason(Path file, IOException e) {
    if (e instanceof CharacterCodingException) {
      return "not UTF-8 text";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    String m = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
    if (e instanceof NotDirectoryException || "Not a directory".equals(m)) {
      return "a folder on its path is not a directory";
    }
    if (file != null && Files.isDirectory(file)) {
      return "a directory";
    }
    if (m == null || m.isBlank() || file != null && m.equals(file.toString())) {
      return e.getClass().getSimpleName();
    }
    return m.length() > 1 ? Character.toLowerCase(m.charAt(0)) + m.substring(1) : m;
  }

  /** {@code cannot read <what> <file>: <reason>; expected <expected>}, one line. */
  public static String cannotRead(String what, Path file, IOException e, String expected) {
    return "cannot read " + what + " " + file + ": " + reason(file, e) + "; expected " + expected;
  }
}
