package org.nb201.cli;

import org.nb201.space.ToolVersion;
import picocli.CommandLine;

/** The tool version for {@code --version} (the same {@link ToolVersion} every provenance record carries). */
public final class Version implements CommandLine.IVersionProvider {
  /** The version string, e.g. {@code 0.1.0}. */
  public static String get() {
    return ToolVersion.get();
  }

  @Override
  public String[] getVersion() {
    return new String[] {"nb201 " + get() + " (Java " + System.getProperty("java.version") + ")"};
  }
}
