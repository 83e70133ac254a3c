package io.loadgrid.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.SweepResults;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Scaling curves: a line per model across the swept concurrency, error bars from the repetitions. */
class ScalingChartTest {
    @Test
    void aModelByConcurrencySweepDrawsOneLinePerModelAlongConcurrency() throws IOException {
        SweepResults wide = SampleSweep.wide();
        Map<String, XYChart> charts = ScalingChart.of(PlottedCell.of(wide));
        assertThat(charts.keySet())
                .containsExactly("scaling_concurrency_throughput.png", "scaling_concurrency_p99.png");
        XYChart throughput = charts.get("scaling_concurrency_throughput.png");
        assertThat(throughput.getSeriesMap().keySet())
                .containsExactly("sync", "threads", "virtual", "async", "hybrid", "multiprocess");
        assertThat(throughput.getStyler().isXAxisLogarithmic()).isTrue();
        XYSeries threads = throughput.getSeriesMap().get("threads");
        assertThat(threads.getXData()).containsExactly(1, 10, 100, 1000, 10000);
        List<CellResult> threadCells = wide.cells().stream()
                .filter(c -> c.parameters().get("model").equals("threads"))
                .toList();
        for (int i = 0; i < threadCells.size(); i++) {
            var stat = threadCells.get(i).totals().get("req_per_s");
            assertThat(threads.getYData()[i]).isEqualTo(stat.mean());
            assertThat(threads.getExtraValues()[i]).isEqualTo(stat.stddev()).isPositive();
        }
        XYSeries p99 = charts.get("scaling_concurrency_p99.png").getSeriesMap().get("threads");
        // the merged p99, never the mean of the repetitions' p99s
        assertThat(p99.getYData()[2]).isEqualTo(threadCells.get(2).latencyUs().p99() / 1000.0, within(1e-9));
        Map<String, byte[]> pngs = SweepPlots.render(wide);
        assertThat(pngs).containsKeys("scaling_concurrency_throughput.png", "scaling_concurrency_p99.png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(pngs.get("scaling_concurrency_p99.png")));
        assertThat(SweepPlotsTest.colours(img)).isGreaterThan(50);
        assertThat(Plot.titleOf("scaling_concurrency_p99.png")).isEqualTo("p99 latency against concurrency");
    }

    @Test
    void aSweepWithOneCellPerModelKeepsItsBarChartsOnly() {
        assertThat(ScalingChart.of(PlottedCell.of(SampleSweep.results()))).isEmpty();
        assertThat(SweepPlots.render(SampleSweep.results()).keySet()).noneMatch(f -> f.startsWith("scaling_"));
    }

    @Test
    void linesAreNamedByTheParametersThatTellThemApart() {
        SweepResults wide = SampleSweep.wide();
        List<CellResult> cells = new ArrayList<>();
        for (CellResult c : wide.cells()) {
            if (c.parameters().get("model").equals("async")) {
                for (String workload : List.of("io", "seed")) {
                    cells.add(new CellResult(
                            c.id() + workload,
                            c.name(),
                            c.group(),
                            Map.of(
                                    "model",
                                    "async",
                                    "concurrency",
                                    c.parameters().get("concurrency"),
                                    "workload",
                                    workload),
                            c.status(),
                            c.error(),
                            c.runs(),
                            c.totals(),
                            c.latencyUs(),
                            c.latencyUncorrectedUs(),
                            c.scheduleLagUs(),
                            c.saturation(),
                            c.slo(),
                            c.search()));
                }
            }
        }
        SweepResults two = new SweepResults(wide.schema(), wide.sweepId(), wide.plan(), wide.environment(), cells);
        Map<String, List<PlottedCell>> lines = ScalingChart.lines(PlottedCell.of(two), "concurrency");
        assertThat(lines.keySet()).containsExactly("workload=io", "workload=seed");
        assertThat(lines.get("workload=seed")).hasSize(5);
    }
}
