package io.loadgrid.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.report.results.SweepResults;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;

/** HdrHistogram's classic percentile plot: the nines evenly spaced, each line its cell's merged histogram. */
class PercentileChartTest {
    @Test
    void theAxisNamesTheNines() {
        assertThat(List.of(PercentileChart.FROM, 1.0, 2.0, 3.0, 4.0, 5.0, 1.5))
                .map(PercentileChart::percentile)
                .containsExactly("50%", "90%", "99%", "99.9%", "99.99%", "99.999%", "96.8%");
    }

    @Test
    void aLineClimbsThroughTheHistogramsPercentilesToItsMaximum() {
        Histogram h = Histograms.newLatency();
        for (int v = 1; v <= 10_000; v++) {
            h.recordValue(v * 10L); // 10 µs ... 100 ms, evenly
        }
        double[][] line = PercentileChart.line(h);
        assertThat(line[0]).isNotEmpty().isSorted();
        assertThat(line[1]).isSorted();
        assertThat(line[0][0]).isGreaterThanOrEqualTo(PercentileChart.FROM);
        // the last point is the maximum, one item from the top: 1 - 1/10,000 is four nines
        assertThat(line[0][line[0].length - 1]).isEqualTo(4.0, within(1e-9));
        assertThat(line[1][line[1].length - 1]).isEqualTo(h.getMaxValue() / 1000.0, within(0.1));
        // at 99 % (x = 2) the line reads the histogram's own p99
        int at99 = indexOf(line[0], 2.0);
        assertThat(line[1][at99]).isEqualTo(h.getValueAtPercentile(99) / 1000.0, within(0.1));
    }

    @Test
    void everyCellIsOneLineOfItsRepetitionsMerged() {
        SweepResults r = SampleSweep.results();
        XYChart chart = PercentileChart.of(PlottedCell.of(r));
        assertThat(chart.getSeriesMap()).hasSize(4);
        XYSeries threads = chart.getSeriesMap().get("threads c=100");
        Histogram merged = r.cells().get(1).latencyHistogram();
        assertThat(merged.getTotalCount())
                .isEqualTo(r.cells().get(1).latencyUs().count())
                .isGreaterThan(
                        r.cells().get(1).runs().getFirst().latency().latencyUs().count());
        double[] x = threads.getXData();
        double[] y = threads.getYData();
        assertThat(y[indexOf(x, 2.0)]).isEqualTo(r.cells().get(1).latencyUs().p99() / 1000.0, within(1e-9));
        assertThat(chart.getStyler().getXAxisMax()).isGreaterThanOrEqualTo(PercentileChart.NINES);
    }

    @Test
    void aLegendTooLongForOneRowStandsBesideTheChartWithEveryName() {
        XYChart few = PercentileChart.of(PlottedCell.of(SampleSweep.results()));
        assertThat(few.getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideS);
        assertThat(few.getWidth()).isEqualTo(ChartFrame.WIDTH);

        // 30 lines: in one row below, XChart would cut all but the first few names off
        List<PlottedCell> many = PlottedCell.of(SampleSweep.wide());
        XYChart chart = PercentileChart.of(many);
        assertThat(chart.getSeriesMap()).hasSize(many.size());
        assertThat(chart.getStyler().getLegendPosition()).isEqualTo(Styler.LegendPosition.OutsideE);
        assertThat(chart.getStyler().getLegendLayout()).isEqualTo(Styler.LegendLayout.Vertical);
        assertThat(chart.getWidth()).isGreaterThan(ChartFrame.WIDTH + ChartFrame.widestLabel(many));
        assertThat(chart.getHeight()).isGreaterThanOrEqualTo(many.size() * 22);
    }

    private static int indexOf(double[] xs, double x) {
        for (int i = 0; i < xs.length; i++) {
            if (Math.abs(xs[i] - x) < 1e-9) {
                return i;
            }
        }
        throw new AssertionError("no point at x = " + x);
    }
}
