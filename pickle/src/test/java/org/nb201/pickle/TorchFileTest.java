package org.nb201.pickle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** torch.save files made by torch 1.13 ({@code src/test/python/make_torch_fixtures.py}), both containers. */
class TorchFileTest {
  static final Path PTH = Path.of("src/test/resources/pth");

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"tensors-zip.pth", "tensors-legacy.pth"})
  void decodesSmallTensorsIncludingAStridedView(String name) throws Exception {
    Path file = PTH.resolve(name);
    assertThat(TorchFile.detect(file)).isEqualTo(name.contains("zip") ? TorchFile.Container.ZIP
        : TorchFile.Container.LEGACY);
    Map<?, ?> m = (Map<?, ?>) TorchFile.read(file, PickleProfile.torchSave());
    TorchTensor floats = (TorchTensor) m.get("floats");
    assertThat(floats.shape()).containsExactly(3);
    assertThat(floats.floats()).containsExactly(1.5, -2.25, 3.0);
    TorchTensor longs = (TorchTensor) m.get("longs");
    assertThat(longs.shape()).containsExactly(3, 2);
    assertThat(longs.longs()).containsExactly(0, 3, 1, 4, 2, 5);
    TorchTensor doubles = (TorchTensor) m.get("doubles");
    assertThat(doubles.storageType()).isEqualTo("torch.DoubleStorage");
    assertThat(doubles.floats()).containsExactly(0.5, 0.25);
    assertThat(m.get("n")).isEqualTo(7L);
  }

  @Test
  void rejectsAFileThatIsNoTorchFile() throws Exception {
    Path f = Files.writeString(dir.resolve("x.pth"), "hello");
    assertThatThrownBy(() -> TorchFile.read(f, PickleProfile.torchSave()))
        .isInstanceOf(TorchFormatException.class).hasMessageStartingWith(f + ": not a torch.save file");
  }

  @Test
  void rejectsAStorageMissingFromTheZip() throws Exception {
    Path src = PTH.resolve("tensors-zip.pth");
    Path f = dir.resolve("missing.pth");
    try (var in = new ZipFile(src.toFile());
        var out = new ZipOutputStream(Files.newOutputStream(f))) {
      for (var e : Collections.list(in.entries())) {
        if (!e.getName().endsWith("/data/0")) {
          out.putNextEntry(new ZipEntry(e.getName()));
          in.getInputStream(e).transferTo(out);
          out.closeEntry();
        }
      }
    }
    assertThatThrownBy(() -> TorchFile.read(f, PickleProfile.torchSave()))
        .isInstanceOf(TorchFormatException.class).hasMessageStartingWith(f.toString())
        .hasMessageContaining("data/0 is missing");
  }
}
