package org.nb201.generate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks of the values that go into a job file, each failing with one line that names the option,
 * shows the value (control characters escaped) and says what is accepted. Names are held to what
 * the engine accepts (Kubernetes: RFC 1123 labels and subdomains); paths and commands may hold any
 * printable text, since {@link JobText} quotes them, but never control characters.
 */
final class JobValues {
  private static final Pattern SLURM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}");
  private static final Pattern SLURM_PARTITIONS = Pattern.compile("[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*");
  /** sbatch {@code --time}: minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]]. */
  private static final Pattern SLURM_TIME = Pattern.compile(
      "\\d+(:\\d+){0,2}|\\d+-\\d+(:\\d+){0,2}|(?i:infinite|unlimited)");
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final Pattern DNS_LABEL_RE = Pattern.compile(DNS_LABEL);
  private static final Pattern DNS_SUBDOMAIN = Pattern.compile(DNS_LABEL + "(\\." + DNS_LABEL + ")*");
  /**
   * A container image reference, {@code [host[:port]/]path[:tag][@digest]}, in the grammar of the
   * distribution project ({@code github.com/distribution/reference}, {@code regexp.go}).
   */
  private static final Pattern IMAGE;

  static {
    String pathComponent = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    String domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    String host = "(?:" + domainComponent + "(?:\\." + domainComponent + ")*|\\[[a-fA-F0-9:]+\\])";
    String domain = host + "(?::[0-9]+)?";
    String tag = "[\\w][\\w.-]{0,127}";
    String digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";
    IMAGE = Pattern.compile("(?:" + domain + "/)?" + pathComponent + "(?:/" + pathComponent + ")*(?::" + tag
        + ")?(?:@" + digest + ")?");
  }

  private JobValues() {}

  static String slurmName(String option, String value) {
    return check(option, value, SLURM_NAME.matcher(value).matches(), "is not a Slurm job name",
        "1-128 letters, digits, '.', '_', '+' or '-', starting with a letter or digit");
  }

  static String slurmPartition(String option, String value) {
    return check(option, value, SLURM_PARTITIONS.matcher(value).matches(), "is not a Slurm partition list",
        "partition names of letters, digits, '.', '_' or '-', separated by commas");
  }

  static String slurmTime(String option, String value) {
    return check(option, value, SLURM_TIME.matcher(value).matches(), "is not a Slurm time limit",
        "minutes, minutes:seconds, hours:minutes:seconds, days-hours[:minutes[:seconds]] or UNLIMITED");
  }

  /** A Kubernetes object name that must also serve as a pod host name: an RFC 1123 label. */
  static String dnsLabel(String option, String value) {
    return check(option, value, value.length() <= 63 && DNS_LABEL_RE.matcher(value).matches(),
        "is not a Kubernetes name", "an RFC 1123 label: at most 63 lowercase letters, digits or '-', starting and"
            + " ending with a letter or digit");
  }

  /** A Kubernetes object name such as a PersistentVolumeClaim's: an RFC 1123 subdomain. */
  static String dnsSubdomain(String option, String value) {
    return check(option, value, value.length() <= 253 && DNS_SUBDOMAIN.matcher(value).matches(),
        "is not a Kubernetes name", "an RFC 1123 subdomain: at most 253 lowercase letters, digits, '-' or '.',"
            + " each dot-separated part starting and ending with a letter or digit");
  }

  static String image(String option, String value) {
    return check(option, value, value.length() <= 512 && IMAGE.matcher(value).matches(),
        "is not a container image reference", "[registry[:port]/]name[:tag][@sha256:digest], e.g."
            + " registry.example.org/nb201:0.1.0 (lowercase name, no spaces or control characters)");
  }

  /** A path or command line: any text but no control characters (it is quoted where it is used). */
  static String text(String option, String value) {
    return check(option, value, !value.isBlank() && !hasControl(value), "cannot go into a job file",
        "a non-empty value without control characters (newline, tab, ...)");
  }

  /** Arguments passed through to a command: each is {@link #text}, named by the option before it. */
  static List<String> arguments(List<String> words) {
    String option = "argument";
    for (String w : words) {
      if (w.startsWith("--")) {
        option = w;
      }
      text(option, w);
    }
    return words;
  }

  /** A path relative to the volume mount. */
  static String relative(String option, String value) {
    text(option, value);
    return check(option, value, !value.startsWith("/"), "must be relative to the volume",
        "a path under the mount point without a leading '/', e.g. out");
  }

  private static String check(String option, String value, boolean ok, String problem, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(option + " " + shown(value) + " " + problem + "; expected " + expected);
    }
    return value;
  }

  private static boolean hasControl(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** {@code s} in single quotes with control characters escaped and cut to a readable length. */
  static String shown(String s) {
    StringBuilder sb = new StringBuilder("'");
    for (int i = 0; i < s.length() && sb.length() < 80; i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> sb.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
            ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return sb.append(sb.length() >= 80 ? "...'" : "'").toString();
  }
}
