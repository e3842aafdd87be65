package org.nb201.train.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's lookup order for Fashion-MNIST, with the environment and the Debian path given. */
class FashionMnistLocatorTest {
  @TempDir
  Path dir;

  private static Path withImages(Path folder, String name) throws Exception {
    Files.createDirectories(folder);
    Files.write(folder.resolve(name), new byte[] {1});
    return folder;
  }

  @Test
  void looksInNb201DataThenDebianThenTheCache() {
    Map<String, String> env = Map.of("NB201_DATA", "/data", "XDG_CACHE_HOME", "/xdg");
    assertThat(FashionMnistLocator.candidates(env::get, "/home/u", Path.of("/deb")))
        .containsExactly(Path.of("/data"), Path.of("/deb"), Path.of("/xdg/nb201/fashion-mnist"));
    assertThat(FashionMnistLocator.candidates(Map.of("XDG_CACHE_HOME", " ")::get, "/home/u", Path.of("/deb")))
        .containsExactly(Path.of("/deb"), Path.of("/home/u/.cache/nb201/fashion-mnist"));
  }

  @Test
  void findsTheDemosCacheCopyWhenDebiansPackageIsAbsent() throws Exception {
    Path cache = withImages(dir.resolve("xdg/nb201/fashion-mnist"), "train-images-idx3-ubyte.gz");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString());
    List<Path> order = FashionMnistLocator.candidates(env::get, "/nowhere", dir.resolve("no-debian"));
    assertThat(FashionMnistLocator.first(order)).contains(cache);
    Path data = withImages(dir.resolve("data/fashion-mnist"), "train-images-idx3-ubyte").getParent();
    Map<String, String> both = Map.of("XDG_CACHE_HOME", dir.resolve("xdg").toString(), "NB201_DATA", data.toString());
    assertThat(FashionMnistLocator.first(FashionMnistLocator.candidates(both::get, "/nowhere", dir.resolve("x"))))
        .contains(data);
  }

  @Test
  void aFolderWithoutTheTrainingImagesDoesNotHoldTheData() throws Exception {
    Path labels = withImages(dir.resolve("labels-only"), "train-labels-idx1-ubyte.gz");
    assertThat(FashionMnistLocator.holds(labels)).isFalse();
    assertThat(FashionMnistLocator.holds(dir.resolve("missing"))).isFalse();
    assertThat(FashionMnistLocator.holds(null)).isFalse();
    assertThat(FashionMnistLocator.first(List.of(labels, dir.resolve("missing")))).isEmpty();
  }
}
