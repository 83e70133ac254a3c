package io.loadgrid.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.report.results.SweepResults;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as a browser shows it: a real headless Chromium loads the file and says what it rendered. */
class HtmlReportChromiumTest {
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
        assertThat(HtmlReportTest.NETWORK.matcher(html).find())
                .as("a src=/href= to the network")
                .isFalse();

        Chromium chromium = new Chromium(tmp);
        String dom = chromium.run(
                "--virtual-time-budget=5000", "--dump-dom", report.toUri().toString());
        Matcher body = BODY.matcher(dom);
        assertThat(body.find()).as("a <body> in the dumped DOM:\n%s", dom).isTrue();
        assertThat(body.group())
                .contains("data-rendered=\"" + plots.size() + "\"", "data-tables=\"" + tables.size() + "\"");
        assertThat(plots).hasSize(SweepPlotsTest.ALL.size());
        // the injected markup stayed text: the page's own script is the only one
        assertThat(dom.split("<script", -1)).hasSize(2);

        Path shot = tmp.resolve("shot.png");
        chromium.run(
                "--virtual-time-budget=5000",
                "--hide-scrollbars",
                "--window-size=1280,2000",
                "--screenshot=" + shot,
                report.toUri().toString());
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img).as("a PNG screenshot").isNotNull();
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(SweepPlotsTest.colours(img))
                .as("distinct colours in the screenshot")
                .isGreaterThan(100);

        Files.createDirectories(SampleSweep.OUT);
        Files.copy(report, SampleSweep.OUT.resolve("report.html"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(shot, SampleSweep.OUT.resolve("report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
