package org.nb201.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict parsing of the three forms, with errors that name the position and what was expected. */
class ArchParserTest {
  private static final String RESNET =
      "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";

  @Test
  void parsesAndPrintsTheOfficialString() {
    Arch a = Arch.parse(RESNET);
    assertThat(a.op(1, 0)).isEqualTo(Op.NOR_CONV_3X3);
    assertThat(a.op(2, 0)).isEqualTo(Op.NONE);
    assertThat(a.op(3, 2)).isEqualTo(Op.SKIP_CONNECT);
    assertThat(a).hasToString(RESNET);
    assertThat(Arch.parse("  " + RESNET + "\n")).isEqualTo(a);
  }

  @Test
  void producesTheOfficialListAndMatrixForms() {
    Arch a = Arch.parse(RESNET);
    assertThat(a.toListsString()).isEqualTo("[(('nor_conv_3x3', 0),), (('none', 0), ('nor_conv_3x3', 1)), "
        + "(('skip_connect', 0), ('none', 1), ('skip_connect', 2))]");
    assertThat(a.toMatrix()).isDeepEqualTo(new int[][] {{0, 0, 0, 0}, {3, 0, 0, 0}, {0, 3, 0, 0}, {1, 0, 1, 0}});
    assertThat(Arch.parse("[[['nor_conv_3x3',0]],[['none',0],['nor_conv_3x3',1]],"
        + "[['skip_connect',0],['none',1],['skip_connect',2]]]")).isEqualTo(a);
    assertThat(Arch.parse("[[0,0,0,0],[3,0,0,0],[0,3,0,0],[1,0,1,0]]")).isEqualTo(a);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
    "empty;                   \"\"; empty architecture string",
    "blank;                   \"   \"; empty architecture string",
    "two groups;              |none~0|+|none~0|none~1|; expected 3 node groups separated by '+', found 2",
    "four groups;             |none~0|+|none~0|none~1|+|none~0|none~1|none~2|+|none~0|; found 4",
    "too few edges;           |none~0|+|none~0|+|none~0|none~1|none~2|; node 2 has 1 edge; expected exactly 2",
    "too many edges;          |none~0|none~1|+|none~0|none~1|+|none~0|none~1|none~2|; node 1 has more than 1 edges",
    "unknown op;              |none~0|+|none~0|conv_5x5~1|+|none~0|none~1|none~2|; unknown op 'conv_5x5'",
    "unknown op position;     |none~0|+|none~0|conv_5x5~1|+|none~0|none~1|none~2|; (at column 18)",
    "bad input node;          |none~0|+|none~0|none~0|+|none~0|none~1|none~2|; bad input node '~0'",
    "bad input node expected; |none~0|+|none~0|none~2|+|none~0|none~1|none~2|; expected ~1",
    "missing tilde;           |none~0|+|none~0|none1|+|none~0|none~1|none~2|; expected op~1",
    "double tilde;            |none~0|+|none~0|none~1~1|+|none~0|none~1|none~2|; expected op~1",
    "stray leading char;      x|none~0|+|none~0|none~1|+|none~0|none~1|none~2|; stray character 'x'",
    "stray trailing char;     |none~0|+|none~0|none~1|+|none~0|none~1|none~2|x; stray character 'x'",
    "stray inner space;       |none~0|+|none~0| none~1|+|none~0|none~1|none~2|; unknown op ' none'",
    "empty group;             |none~0|++|none~0|none~1|none~2|; empty node group for node 2",
    "empty item;              |none~0|+|none~0||none~1|+|none~0|none~1|none~2|; empty edge item",
    "missing close;           |none~0|+|none~0|none~1|+|none~0|none~1|none~2; expected '|' to close",
    "matrix upper triangle;   [[0,1,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]; expected 0 on and above the diagonal",
    "matrix op range;         [[0,0,0,0],[5,0,0,0],[0,0,0,0],[0,0,0,0]]; expected an op index 0..4",
    "matrix size;             [[0,0,0],[1,0,0],[1,1,0]]; expected a 4x4 matrix",
    "lists node count;        [(('none', 0),), (('none', 0), ('none', 1))]; expected 3 node tuples",
    "lists bad source;        [(('none', 1),), (('none', 0), ('none', 1)), (('none', 0), ('none', 1), ('none', 2))]; "
        + "bad input node 1",
    "lists unknown op;        [(('zero', 0),), (('none', 0), ('none', 1)), (('none', 0), ('none', 1), ('none', 2))]; "
        + "unknown op 'zero'",
    "lists unterminated;      [(('none, 0),)]; unterminated string",
    "lists stray;             [(('none', 0),)] x; stray character 'x'",
  })
  void rejectsMalformedInputWithOneClearLine(String name, String input, String expected) {
    assertThatThrownBy(() -> Arch.parse(input))
        .isInstanceOf(ArchFormatException.class)
        .hasMessageContaining(expected.strip())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void reportsTheColumnOfTheProblem() {
    ArchFormatException e = (ArchFormatException) catchThrowable(
        () -> Arch.parse("|none~0|+|none~0|none~7|+|none~0|none~1|none~2|"));
    assertThat(e.position()).isEqualTo(22);
    assertThat(e.getMessage()).contains("bad input node '~7'").contains("(at column 22)");
  }

  @Test
  void pointsAtTheFirstBadCharacterAfterAValidCell() {
    ArchFormatException e = (ArchFormatException) org.assertj.core.api.Assertions.catchThrowable(
        () -> Arch.parse(RESNET + ";x"));
    assertThat(e.position()).isEqualTo(RESNET.length() + 1);
    assertThat(e.getMessage()).startsWith("stray character ';'").endsWith("(at column " + (RESNET.length() + 1) + ")");
    ArchFormatException inner = (ArchFormatException) org.assertj.core.api.Assertions.catchThrowable(
        () -> Arch.parse("|none~0|;|+|none~0|none~1|+|none~0|none~1|none~2|"));
    assertThat(inner.position()).isEqualTo(9);
    ArchFormatException unclosed = (ArchFormatException) org.assertj.core.api.Assertions.catchThrowable(
        () -> Arch.parse(RESNET.substring(0, RESNET.length() - 1)));
    assertThat(unclosed.position()).isEqualTo(RESNET.length());
    assertThat(unclosed.getMessage()).contains("expected '|' to close the group of node 3");
  }

  @Test
  void clipsAHugeArgumentInTheMessage() {
    String huge = "|" + "x".repeat(1 << 20) + "~0|";
    ArchFormatException e = (ArchFormatException) org.assertj.core.api.Assertions.catchThrowable(
        () -> Arch.parse(huge));
    assertThat(e.getMessage()).hasSizeLessThan(300).contains("|xxxx")
        .contains("... (" + huge.length() + " characters)");
    String hugeOp = "|none~0|+|none~0|" + "y".repeat(1 << 20) + "~1|+|none~0|none~1|none~2|";
    assertThat(catchMessage(hugeOp)).hasSizeLessThan(300).contains("unknown op 'yyy");
    assertThat(catchMessage("[(('" + "z".repeat(1 << 20) + "', 0),), (('none', 0), ('none', 1)), (('none', 0), "
        + "('none', 1), ('none', 2))]")).hasSizeLessThan(300).contains("unknown op 'zzz");
    assertThatThrownBy(() -> SearchSpace.official().resolve("9".repeat(1 << 20)))
        .satisfies(t -> assertThat(t.getMessage()).hasSizeLessThan(200).endsWith("out of range, expected 0..15624"));
  }

  private static String catchMessage(String input) {
    return org.assertj.core.api.Assertions.catchThrowable(() -> Arch.parse(input)).getMessage();
  }
}
