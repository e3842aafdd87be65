package org.nb201.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nb201.analysis.render.HtmlReport;
import org.nb201.bench.query.Nb201Api;

/**
 * The report as a browser shows it: headless Chromium loads {@code index.html} from disk (no
 * network), the DOM it built must hold every chart decoded ({@code data-rendered}) and every table,
 * and a screenshot is saved to {@code target/report-screenshot.png}. Skipped with a message when
 * Chromium is not installed ({@code apt-get install chromium}).
 */
class ReportInChromiumTest {
  @TempDir
  Path dir;

  static Path chromium() {
    for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  @Test
  void everyChartAndTableRendersInHeadlessChromium() throws Exception {
    Path browser = chromium();
    assumeTrue(browser != null, "chromium not installed: skipping the browser check of the report"
        + " (apt-get install chromium)");
    HtmlReport.Written w;
    try (Nb201Api api = Nb201Api.open(NatsSampleStore.importInto(dir))) {
      Report report = Report.build(StoreData.of(api, true), new Analysis.Inputs(new TrainingAnalysis.Options(5, 0), 20,
          List.of()), List.of(Analysis.values()), Progress.NONE);
      w = HtmlReport.write(report, List.of(), dir.resolve("report"), false, Progress.NONE);
    }
    String dom = run(browser, "--dump-dom", w.file().toUri().toString());
    assertThat(count(dom, "<img class=\"chart\"[^>]*data-rendered=\"true\"")).as("charts decoded by the browser")
        .isEqualTo(w.charts()).isGreaterThan(10);
    assertThat(count(dom, "<img class=\"chart\"")).isEqualTo(w.charts());
    assertThat(dom).contains("data-charts-rendered=\"" + w.charts() + "\"");
    assertThat(count(dom, "<table class=\"data")).isEqualTo(w.tables()).isGreaterThan(10);
    assertThat(count(dom, "<section id=")).isEqualTo(Analysis.values().length + 1);
    Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(shot);
    run(browser, "--screenshot=" + shot, "--window-size=1360,2400", w.file().toUri().toString());
    BufferedImage img = ImageIO.read(new File(shot.toString()));
    assertThat(img.getWidth()).isEqualTo(1360);
    assertThat(img.getHeight()).isEqualTo(2400);
  }

  private String run(Path browser, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--user-data-dir=" + Files.createTempDirectory(dir, "chromium")));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + cmd);
    }
    assertThat(p.exitValue()).as("chromium exit code").isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
