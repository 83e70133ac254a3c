package io.loadgrid.coordinator.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.loadgrid.coordinator.sweep.results.SweepResults;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as a browser shows it: a real headless Chromium loads the file and says what it rendered. */
class HtmlReportChromiumTest {
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    private static final Pattern BODY = Pattern.compile("<body[^>]*>");

    @TempDir
    Path tmp;

    @Test
    void everyPlotAndTableRendersAndNothingIsFetched() throws Exception {
        SweepResults r = SampleSweep.results();
        Map<String, byte[]> plots = SweepPlots.render(r);
        List<TableModel> tables = SampleTables.of(r);
        String html = HtmlReport.render(r, tables, SampleTables.COMPARISONS, plots);
        Path report = tmp.resolve("report.html");
        HtmlReport.write(report, html);
        assertThat(Files.readString(report)).isEqualTo(html);
        assertThat(HtmlReportTest.NETWORK.matcher(html).find()).as("a src=/href= to the network").isFalse();

        String browser = browser();
        String dom = run(browser, "--virtual-time-budget=5000", "--dump-dom", report.toUri().toString());
        Matcher body = BODY.matcher(dom);
        assertThat(body.find()).as("a <body> in the dumped DOM:\n%s", dom).isTrue();
        assertThat(body.group()).contains("data-rendered=\"" + plots.size() + "\"", "data-tables=\"" + tables.size() + "\"");
        assertThat(plots).hasSize(6);
        // the injected markup stayed text: the page's own script is the only one
        assertThat(dom.split("<script", -1)).hasSize(2);

        Path shot = tmp.resolve("shot.png");
        run(browser, "--virtual-time-budget=5000", "--hide-scrollbars", "--window-size=1280,2000", "--screenshot=" + shot,
                report.toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img).as("a PNG screenshot").isNotNull();
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(SweepPlotsTest.colours(img)).as("distinct colours in the screenshot").isGreaterThan(100);

        Files.createDirectories(SampleSweep.OUT);
        Files.copy(report, SampleSweep.OUT.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(shot, SampleSweep.OUT.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Headless Chromium's stdout; it runs as root in CI, hence no sandbox, and with a profile of its own. */
    private String run(String browser, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--user-data-dir=" + tmp.resolve("profile")));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "chromium", ".out");
        Path err = Files.createTempFile(tmp, "chromium", ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            fail("Chromium did not finish within 60 s: %s%n%s", cmd, Files.readString(err));
        }
        assertThat(p.exitValue()).as("Chromium's exit code; stderr:%n%s", Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String browser() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : BROWSERS) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return fail("no headless browser on PATH (looked for %s): apt-get install chromium", BROWSERS);
    }
}
