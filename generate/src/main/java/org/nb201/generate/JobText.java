package org.nb201.generate;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Quoting for the generated job files, one helper per language, so that no value is ever pasted
 * into a script or manifest as it is: POSIX shell words, the argument of a {@code #SBATCH} line,
 * YAML scalars, and Kubernetes' {@code $(VAR)} expansion in container commands.
 */
public final class JobText {
  /** Words the shell reads as themselves: no quoting needed (as Python's {@code shlex.quote} decides). */
  private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private JobText() {}

  /** {@code s} as one shell word: unchanged when plain, else single-quoted with each {@code '} as {@code '\''}. */
  public static String shell(String s) {
    if (PLAIN_WORD.matcher(s).matches()) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** {@code words} as shell words joined by spaces. */
  public static String shell(List<String> words) {
    return words.stream().map(JobText::shell).collect(Collectors.joining(" "));
  }

  /**
   * {@code s} as the value of a {@code #SBATCH} option: unchanged when plain, else in double quotes
   * with {@code \} and {@code "} escaped by a backslash. sbatch reads quotes and backslash escapes in
   * these lines and ends an unquoted value at whitespace or {@code #} (Slurm {@code src/sbatch/opt.c},
   * {@code _get_argument}).
   */
  public static String sbatch(String s) {
    if (PLAIN_WORD.matcher(s).matches()) {
      return s;
    }
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /**
   * {@code s} as a YAML double-quoted scalar (YAML 1.2 section 7.3.1): {@code \} and {@code "}
   * escaped, every control and line-separator character written as an escape, so the value parses
   * back exactly whatever it holds ({@code :}, {@code #}, {@code - }, braces, newlines).
   */
  public static String yaml(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /**
   * {@code s} with every {@code $} doubled: Kubernetes expands {@code $(NAME)} in a container's
   * command and args and turns {@code $$} into {@code $}, so this is how a literal reaches the container.
   */
  public static String kubernetesLiteral(String s) {
    return s.replace("$", "$$");
  }
}
