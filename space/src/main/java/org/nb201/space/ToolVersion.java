package org.nb201.space;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The nb201 version (the Maven project version, filtered into this module at build time): the one
 * source of the version that the CLI prints and that every store, trial and search run records.
 */
public final class ToolVersion {
  private static final String VERSION = load();

  private ToolVersion() {}

  /** The version, e.g. {@code 0.1.0}; {@code dev} when the build did not filter it in. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = ToolVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version", "dev");
        return v.startsWith("${") ? "dev" : v;
      }
    } catch (IOException e) {
      // fall through: a missing version is not worth failing for
    }
    return "dev";
  }
}
