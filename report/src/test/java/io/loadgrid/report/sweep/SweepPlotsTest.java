package io.loadgrid.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.report.results.SweepResults;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

class SweepPlotsTest {
    static final List<String> FILES = List.of(
            "execution_time.png",
            "throughput.png",
            "latency_percentiles.png",
            "latency_distribution.png",
            "cpu.png",
            "memory.png",
            "failures.png");
    /** One per plotted cell of the sample: its runs second by second. */
    static final List<String> TIMELINES =
            List.of("timeline_c01.png", "timeline_c02.png", "timeline_c03.png", "timeline_c04.png");

    static final List<String> ALL =
            java.util.stream.Stream.concat(FILES.stream(), TIMELINES.stream()).toList();

    @Test
    void everyPlotIsADecodablePngWithSomethingDrawnOnIt() throws IOException {
        Path dir = SampleSweep.OUT.resolve("plots");
        Map<String, byte[]> pngs = SweepPlots.write(SampleSweep.results(), dir);
        assertThat(pngs.keySet()).containsExactlyElementsOf(ALL);
        for (String file : FILES) {
            assertThat(Files.readAllBytes(dir.resolve(file))).isEqualTo(pngs.get(file));
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(pngs.get(file)));
            assertThat(img).as(file).isNotNull();
            assertThat(img.getWidth()).as(file).isEqualTo(ChartFrame.WIDTH);
            assertThat(img.getHeight()).as(file).isEqualTo(ChartFrame.HEIGHT);
            // anti-aliased text, bars and error bars give hundreds of colours; a blank or one-colour image gives one
            assertThat(colours(img)).as(file).isGreaterThan(50);
        }
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString()))
                    .as("no temp files left")
                    .containsExactlyInAnyOrderElementsOf(ALL);
        }
    }

    @Test
    void onlyCellsWithRunsArePlottedAndTheSaturatedOneIsFlagged() {
        List<String> labels =
                List.of("sync c=1", "threads c=100", "virtual c=1000", "async c=100" + PlottedCell.SATURATED_MARK);
        for (Chart<?, ?> any : SweepPlots.charts(SampleSweep.results()).values()) {
            if (any instanceof XYChart lines) {
                // a line per cell, models overlaid
                assertThat(lines.getSeriesMap().keySet()).as(lines.getTitle()).containsExactlyElementsOf(labels);
                assertThat(lines.getXAxisTitle()).as(lines.getTitle()).contains(PlottedCell.SATURATED_NOTE);
                continue;
            }
            CategoryChart chart = (CategoryChart) any;
            for (CategorySeries s : chart.getSeriesMap().values()) {
                assertThat(s.getXData().stream().map(String::valueOf))
                        .as(chart.getTitle())
                        .containsExactlyElementsOf(labels);
            }
            assertThat(chart.getXAxisTitle()).as(chart.getTitle()).contains(PlottedCell.SATURATED_NOTE);
        }
        // DejaVu Sans, the JDK's sans-serif on Debian, has the sign; a bare system falls back to words
        assertThat(PlottedCell.SATURATED_MARK).isIn(" ⚠", " (sat.)");
    }

    @Test
    void meansCarryTheirStddevAsErrorBars() {
        SweepResults r = SampleSweep.results();
        CategorySeries wall =
                bars(r, "execution_time.png").getSeriesMap().values().iterator().next();
        var threads = r.cells().get(1).totals().get("wall_s");
        assertThat(List.copyOf(wall.getYData()).get(1).doubleValue()).isEqualTo(threads.mean());
        assertThat(List.copyOf(wall.getExtraValues()).get(1).doubleValue()).isEqualTo(threads.stddev());
        assertThat(threads.stddev()).isPositive();
    }

    @Test
    void latencyGoesLogarithmicOnlyWhenItSpansMoreThanTwoDecades() {
        SweepResults r = SampleSweep.results();
        assertThat(bars(r, "latency_percentiles.png").getStyler().isYAxisLogarithmic())
                .isTrue();
        SweepResults narrow = new SweepResults(
                r.schema(), r.sweepId(), r.plan(), r.environment(), r.cells().subList(1, 3));
        assertThat(LatencyChart.span(PlottedCell.of(narrow))).isLessThan(100);
        assertThat(bars(narrow, "latency_percentiles.png").getStyler().isYAxisLogarithmic())
                .isFalse();
    }

    @Test
    void manyCellsWidenThePlotAndTurnTheirLabels() throws IOException {
        SweepResults wide = SampleSweep.wide();
        Map<String, byte[]> pngs = SweepPlots.write(wide, SampleSweep.OUT.resolve("plots-wide"));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(pngs.get("cpu.png")));
        assertThat(img.getWidth())
                .isEqualTo(ChartFrame.width(wide.cells().size()))
                .isGreaterThan(ChartFrame.WIDTH);
        assertThat(colours(img)).isGreaterThan(50);
        assertThat(bars(wide, "cpu.png").getStyler().getXAxisLabelRotation()).isPositive();
    }

    @Test
    void aFigureThatIsZeroEverywhereStillDrawsItsAxes() throws IOException {
        SweepResults r = SampleSweep.results();
        // sync c=1 failed nothing in any repetition
        SweepResults clean = new SweepResults(
                r.schema(), r.sweepId(), r.plan(), r.environment(), r.cells().subList(0, 1));
        assertThat(clean.cells().get(0).totals().get("failed").max()).isZero();
        BufferedImage img =
                ImageIO.read(new ByteArrayInputStream(SweepPlots.render(clean).get("failures.png")));
        assertThat(colours(img)).isGreaterThan(50);
    }

    @Test
    void aSweepWithoutMeasuredRunsHasNoPlots() {
        SweepResults r = SampleSweep.results();
        SweepResults none = new SweepResults(
                r.schema(), r.sweepId(), r.plan(), r.environment(), r.cells().subList(4, 5));
        assertThat(SweepPlots.render(none)).isEmpty();
    }

    @Test
    void barValuesKeepThreeSignificantDigits() {
        assertThat(List.of(0.0, 5.0, 28.0, 3.6543, 0.0953, 455.2, 1_650.4, 30_712.0, 1_250_000.0))
                .map(BarValueLabels::format)
                .containsExactly("0", "5", "28", "3.65", "0.0953", "455", "1,650", "30.7k", "1.25M");
    }

    static CategoryChart bars(SweepResults r, String file) {
        return (CategoryChart) SweepPlots.charts(r).get(file);
    }

    static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                seen.add(img.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
