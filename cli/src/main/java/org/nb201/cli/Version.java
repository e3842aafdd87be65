package org.nb201.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The tool version, from the build (recorded in every provenance record too). */
public final class Version implements CommandLine.IVersionProvider {
  private static final String VERSION = load();

  /** The version string, e.g. {@code 0.1.0}. */
  public static String get() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in = Version.class.getResourceAsStream("/nb201-version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {"nb201 " + VERSION + " (Java " + System.getProperty("java.version") + ")"};
  }
}
