package org.nb201.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quoting helpers read back by a real shell, and the name and image grammars. */
class JobTextTest {
  private static final List<String> HOSTILE = List.of("plain", "", "a b", "it's", "'", "''", "\"", "$(id)", "`id`",
      "x; touch pwned", "a\nb", "\\", "$HOME", "*", "~", "#c", "-n", "{a: b}", "é ü 日本", "!x", "a\tb");

  @Test
  void shellWordsReachTheCommandExactly() throws Exception {
    List<String> words = new ArrayList<>(HOSTILE);
    StringBuilder ascii = new StringBuilder();
    for (char c = 1; c < 128; c++) {
      ascii.append(c);
    }
    words.add(ascii.toString());
    Process p = new ProcessBuilder("sh", "-c", "printf '%s\\0' " + JobText.shell(words)).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(Arrays.asList(out.split("\0", -1))).containsExactlyElementsOf(append(words, ""));
  }

  @Test
  void plainWordsStayReadable() {
    assertThat(JobText.shell(List.of("nb201", "--data-dir", "/shared/data-1", "a=b,c:d%x@y+z")))
        .isEqualTo("nb201 --data-dir /shared/data-1 a=b,c:d%x@y+z");
    assertThat(JobText.shell("it's")).isEqualTo("'it'\\''s'");
    assertThat(JobText.sbatch("/a b/\"q\"\\")).isEqualTo("\"/a b/\\\"q\\\"\\\\\"");
  }

  @Test
  void yamlScalarsEscapeQuotesBackslashesAndControlCharacters() {
    assertThat(JobText.yaml("a: b # c")).isEqualTo("\"a: b # c\"");
    assertThat(JobText.yaml("q\"\\\n\t\r\u0001\u0085\u2028")).isEqualTo("\"q\\\"\\\\\\n\\t\\r\\u0001\\u0085\\u2028\"");
    assertThat(JobText.kubernetesLiteral("$(X) $$ $Y")).isEqualTo("$$(X) $$$$ $$Y");
  }

  @Test
  void namesFollowTheEngines() {
    assertThat(JobValues.dnsLabel("--job-name", "nb201-gen-2")).isEqualTo("nb201-gen-2");
    assertThat(JobValues.dnsSubdomain("--claim", "work.nb201-a")).isEqualTo("work.nb201-a");
    assertThat(JobValues.slurmTime("--time", "2-00:30")).isEqualTo("2-00:30");
    for (String bad : List.of("Nb", "a.b", "-a", "a-", "a".repeat(64), "a\nb", "")) {
      assertThatThrownBy(() -> JobValues.dnsLabel("--job-name", bad)).hasMessageStartingWith("--job-name '")
          .hasMessageContaining("RFC 1123 label").hasMessageNotContaining("\n");
    }
    for (String bad : List.of("1:2:3:4", "1h", "-1", "1:00 ", "UNLIMITED;x")) {
      assertThatThrownBy(() -> JobValues.slurmTime("--time", bad)).hasMessageContaining("not a Slurm time limit");
    }
  }

  @Test
  void imageReferencesFollowTheDistributionGrammar() {
    for (String ok : List.of("nb201", "library/nb201:latest", "registry.example.org:5000/team/nb201:0.1.0-rc_1",
        "a__b/c--d/e.f", "nb201@sha256:" + "ab".repeat(32), "[fd00::1]:5000/nb201")) {
      assertThat(JobValues.image("--image", ok)).isEqualTo(ok);
    }
    for (String bad : List.of("NB201", "nb201:", "nb201:-x", "a//b", "nb201 x", "nb201\n  securityContext: {}",
        "nb201@sha256:abc", "nb201:" + "t".repeat(129), "/nb201", "nb201:1;id")) {
      assertThatThrownBy(() -> JobValues.image("--image", bad)).hasMessageContaining("not a container image reference")
          .hasMessageNotContaining("\n");
    }
  }

  private static List<String> append(List<String> l, String s) {
    List<String> out = new ArrayList<>(l);
    out.add(s);
    return out;
  }
}
