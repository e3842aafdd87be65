package org.nb201.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpaceCommandTest {
  private static final String RESNET =
      "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|skip_connect~2|";

  @Test
  void listPrintsHeaderAndAllRowsInIndexOrder() {
    CliRun r = CliRun.of("space", "list");
    assertThat(r.exitCode()).isZero();
    String[] lines = r.lines();
    assertThat(lines).hasSize(15_626);
    assertThat(lines[0]).isEqualTo("index\tarch\tunique\tvalid\tflops\tparams");
    assertThat(lines[1]).isEqualTo("0\t|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1"
        + "|skip_connect~2|\t0\ttrue\t15.64737\t0.129306");
    assertThat(lines[11_473]).isEqualTo("11472\t" + RESNET + "\t2528\ttrue\t78.56193\t0.559386");
    assertThat(lines[1652]).startsWith("1651\t|none~0|+|none~0|none~1|+").contains("\tfalse\t7.78305\t0.073306");
  }

  @Test
  void listUsesTheDatasetsNetwork() {
    String[] lines = CliRun.of("space", "list", "--dataset", "ImageNet16-120").lines();
    assertThat(lines[1]).endsWith("\t3.91948\t0.136456");
    assertThat(lines[11_473]).endsWith("\t19.64812\t0.566536");
  }

  @Test
  void listAsJson() {
    CliRun r = CliRun.of("space", "list", "--format", "json", "--dataset", "cifar100");
    assertThat(r.exitCode()).isZero();
    assertThat(r.lines()[0]).isEqualTo("[");
    assertThat(r.lines()[1]).isEqualTo("{\"index\":0,\"arch\":\"|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+"
        + "|nor_conv_1x1~0|skip_connect~1|skip_connect~2|\",\"unique\":0,\"valid\":true,\"flops\":15.65322,"
        + "\"params\":0.135156},");
    assertThat(r.lines()).hasSize(15_627).endsWith("]");
  }

  @Test
  void showDescribesACellByIndexOrString() {
    CliRun byIndex = CliRun.of("space", "show", "11472");
    CliRun byString = CliRun.of("space", "show", RESNET);
    assertThat(byIndex.exitCode()).isZero();
    assertThat(byIndex.out()).isEqualTo(byString.out())
        .contains("index        11472", "arch         " + RESNET, "  3<-2        skip_connect",
            "unique        2528 (class of 3 cells", "valid        true",
            "cifar100         78.56778    0.565236", "ImageNet16-120   19.64812    0.566536",
            "neighbours   (24 cells one edge away)");
    assertThat(byIndex.out().lines().filter(l -> l.matches("  +\\d+  \\|.*"))).hasSize(24);
  }

  @Test
  void indexPrintsTheOfficialIndex() {
    assertThat(CliRun.of("space", "index", RESNET).out()).isEqualTo("11472\n");
    assertThat(CliRun.of("space", "index", "[[0,0,0,0],[0,0,0,0],[0,0,0,0],[0,0,0,0]]").out()).isEqualTo("1651\n");
  }

  @Test
  void userMistakesGiveOneLineAndExitCode2() {
    CliRun bad = CliRun.of("space", "list", "--dataset", "cifar-10");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("nb201: error: unknown dataset 'cifar-10'; expected one of cifar10-valid, cifar10,"
        + " cifar100, ImageNet16-120, fashion-mnist\n");
    CliRun range = CliRun.of("space", "show", "15625");
    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.err()).isEqualTo("nb201: error: index 15625 out of range, expected 0..15624\n");
    CliRun malformed = CliRun.of("space", "index", "|none~0|+|none~0|");
    assertThat(malformed.exitCode()).isEqualTo(2);
    assertThat(malformed.err()).startsWith("nb201: error: expected 3 node groups separated by '+', found 2")
        .hasLineCount(1);
    CliRun unknownOption = CliRun.of("space", "list", "--bogus");
    assertThat(unknownOption.exitCode()).isEqualTo(2);
    assertThat(unknownOption.err()).hasLineCount(1).contains("Unknown option: '--bogus'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"space", "space list", "space show", "space index"})
  void everySubcommandHasHelp(String cmd) {
    CliRun r = CliRun.of((cmd + " --help").split(" "));
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: nb201 " + cmd);
  }

  @Test
  void versionAndTopLevelHelp() {
    assertThat(CliRun.of("--version").out()).startsWith("nb201 0.1.0");
    assertThat(CliRun.of("--help").out()).contains("space");
  }
}
