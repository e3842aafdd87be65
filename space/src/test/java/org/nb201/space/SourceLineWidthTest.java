package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One line width across the tree: no Java line under any module's {@code src} is longer than 120 characters. */
class SourceLineWidthTest {
  private static final int WIDTH = 120;

  @Test
  void everyJavaLineOfTheTreeFitsInTheLineWidth() throws IOException {
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    Path pom = root.resolve("pom.xml");
    assumeTrue(Files.isRegularFile(pom) && Files.readString(pom).contains("<module>space</module>"),
        "not inside the nb201 source tree (" + root + "): skipping the line-width check");
    List<String> tooLong = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path src : modules.map(m -> m.resolve("src")).filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.walk(src)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
              int width = lines.get(i).codePointCount(0, lines.get(i).length());
              if (width > WIDTH) {
                tooLong.add(root.relativize(f) + ":" + (i + 1) + " (" + width + " characters)");
              }
            }
          }
        }
      }
    }
    assertThat(tooLong).as("Java lines longer than " + WIDTH + " characters").isEmpty();
  }
}
