package org.nb201.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Whether a command may write a path, decided before any work: the one rule every command that
 * writes files follows, so that nothing the user already has is lost.
 *
 * <ul>
 *   <li>a command never writes over one of its own inputs, even with {@code --force} (paths are
 *       compared as files, through symlinks and {@code ..});
 *   <li>an existing file the command does not own is replaced only with {@code --force};
 *   <li>device files, fifos, sockets and directories are never replaced by a file (as root, a rename
 *       onto {@code /dev/null} would replace the device);
 *   <li>the folder a file goes into must exist.
 * </ul>
 *
 * Files a command adds to or resumes (its own output folder, {@code collect --add}, {@code train --store})
 * are checked with {@link #appendable} and {@link #folder}.
 */
final class OutputTarget {
  private OutputTarget() {}

  /** Checks that {@code target}, a file called {@code what} ("plan", "store"), may be written or replaced. */
  static Path file(Path target, String what, boolean force, Path... inputs) {
    appendable(target, what, inputs);
    if (!force && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserException(what + " " + target + " already exists; use --force to replace it");
    }
    return target;
  }

  /** Checks a file the command adds to when it exists: a regular file, not an input, in an existing folder. */
  static Path appendable(Path target, String what, Path... inputs) {
    notAnInput(target, what, inputs);
    if (Files.exists(target)) {
      String kind = kind(target);
      if (kind != null) {
        throw new UserException("cannot write " + what + " " + target + ": it is " + kind + "; expected a file path");
      }
    } else {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw new UserException("cannot write " + what + " " + target + ": " + (Files.exists(parent)
            ? parent + " is not a folder" : "folder " + parent + " does not exist") + "; create it first");
      }
    }
    return target;
  }

  /** Checks a folder the command fills (created if absent): not an input, and a directory if it exists. */
  static Path folder(Path target, String what, Path... inputs) {
    notAnInput(target, what, inputs);
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new UserException("cannot use " + what + " " + target + ": it is " + Objects.requireNonNullElse(
          kind(target), "a file") + "; expected a folder");
    }
    return target;
  }

  /** Refuses {@code target} when it is the same file as one of {@code inputs} (null inputs are ignored). */
  static void notAnInput(Path target, String what, Path... inputs) {
    for (Path in : inputs) {
      if (in != null && sameFile(target, in)) {
        throw new UserException(what + " " + target + " is the same file as the input " + in
            + "; refusing to write over it (choose another path)");
      }
    }
  }

  /** Whether two paths name the same file: by file identity when both exist, else by their real paths. */
  static boolean sameFile(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
      return real(a).equals(real(b));
    } catch (IOException e) {
      return real(a).equals(real(b));
    }
  }

  /** The path with its existing part resolved through symlinks, the rest appended as written. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path tail = abs.getFileSystem().getPath("");
    for (Path head = abs; head != null; head = head.getParent()) {
      try {
        return head.toRealPath().resolve(tail);
      } catch (IOException e) {
        if (head.getFileName() == null) {
          break;
        }
        tail = head.getFileName().resolve(tail);
      }
    }
    return abs;
  }

  /** What an existing path is when it is not a regular file ("a directory", "a character device"), else null. */
  static String kind(Path p) {
    if (Files.isRegularFile(p)) {
      return null;
    }
    if (Files.isDirectory(p)) {
      return "a directory";
    }
    try {
      int type = (Integer) Files.getAttribute(p, "unix:mode") & 0170000;
      return switch (type) {
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0010000 -> "a fifo";
        case 0140000 -> "a socket";
        default -> "not a regular file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "not a regular file";
    }
  }
}
