package org.nb201.space;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** nb201's per-user cache folder: {@code $XDG_CACHE_HOME/nb201}, else {@code ~/.cache/nb201}. */
public final class UserCache {
  private UserCache() {}

  /** The cache folder of this user (it may not exist yet). */
  public static Path root() {
    return root(System::getenv, System.getProperty("user.home"));
  }

  /** The cache folder for this environment and home folder. */
  public static Path root(UnaryOperator<String> env, String home) {
    String xdg = env.apply("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache")).resolve("nb201");
  }
}
