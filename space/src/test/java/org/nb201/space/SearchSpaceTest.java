package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The official index order (AutoDL-Projects {@code exps/NAS-Bench-201/main.py::generate_meta_info}); see
 * docs/search-space.md#the-official-index.
 */
class SearchSpaceTest {
  private final SearchSpace space = SearchSpace.official();

  @Test
  void indicesAssertedByTheOfficialSourceAndTheDocs() {
    assertThat(space.arch(0)).hasToString(
        "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|");
    assertThat(space.arch(0).code()).isEqualTo(13931);
    assertThat(space.arch(1)).hasToString(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|");
    assertThat(space.arch(9)).hasToString(
        "|avg_pool_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|");
    assertThat(space.arch(123)).hasToString(
        "|avg_pool_3x3~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|");
    assertThat(space.arch(11472)).hasToString(
        "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|");
    assertThat(space.arch(15624)).hasToString(
        "|nor_conv_1x1~0|+|none~0|nor_conv_1x1~1|+|none~0|nor_conv_1x1~1|nor_conv_1x1~2|");
  }

  @Test
  void uniformCellsHaveTheirOfficialIndices() {
    assertThat(space.indexOf(Arch.uniform(Op.NONE))).isEqualTo(1651);
    assertThat(space.indexOf(Arch.uniform(Op.SKIP_CONNECT))).isEqualTo(1835);
    assertThat(space.indexOf(Arch.uniform(Op.NOR_CONV_3X3))).isEqualTo(1462);
    assertThat(space.indexOf(Arch.uniform(Op.AVG_POOL_3X3))).isEqualTo(7581);
  }

  @Test
  void wholeListMatchesTheOfficialChecksums() throws Exception {
    byte[] joined = space.joinedStrings().getBytes(StandardCharsets.UTF_8);
    assertThat(space.sha256()).isEqualTo(SearchSpace.OFFICIAL_SHA256)
        .isEqualTo("83abc799e45cf34e9d2163654668ab998b9a54d01c39e72ca1f71f2cdf356d84");
    assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(joined)))
        .isEqualTo("1985aacc268bf045d31ddeecaaac0dc0");
  }

  @Test
  void stringIndexArchRoundTripForAllCells() {
    boolean[] seen = new boolean[Arch.COUNT];
    for (int i = 0; i < space.size(); i++) {
      Arch a = space.arch(i);
      String s = a.toString();
      Arch parsed = Arch.parse(s);
      assertThat(parsed).isEqualTo(a);
      assertThat(space.indexOf(parsed)).isEqualTo(i);
      assertThat(space.resolve(Integer.toString(i))).isSameAs(a);
      assertThat(Arch.parse(a.toListsString())).isEqualTo(a);
      assertThat(Arch.fromMatrix(a.toMatrix())).isEqualTo(a);
      assertThat(Arch.parse(a.toMatrixString())).isEqualTo(a);
      assertThat(seen[a.code()]).isFalse();
      seen[a.code()] = true;
    }
  }

  @Test
  void rejectsOutOfRangeIndices() {
    assertThatThrownBy(() -> space.arch(15625)).hasMessage("index 15625 out of range, expected 0..15624");
    assertThatThrownBy(() -> space.arch(-1)).hasMessage("index -1 out of range, expected 0..15624");
    assertThatThrownBy(() -> space.resolve("99999999999")).hasMessageContaining("out of range");
    assertThatThrownBy(() -> space.resolve("-3")).hasMessageContaining("out of range");
  }
}
