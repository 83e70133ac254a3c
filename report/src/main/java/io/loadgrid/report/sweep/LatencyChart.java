package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.LatencySummary;
import java.awt.Color;
import java.util.List;
import java.util.function.ToLongFunction;
import org.knowm.xchart.CategoryChart;

/** Tail latency per cell, from the histogram of all repetitions merged (percentiles are never averaged). */
final class LatencyChart {
    /** Beyond two decades the p50 bars of fast cells would be flat lines on a linear axis. */
    private static final double LOG_SPAN = 100;
    /** The histograms count whole microseconds; a 0 µs percentile is shown at that resolution, as log axes need > 0. */
    private static final double FLOOR_MS = 0.001;

    private LatencyChart() {}

    static CategoryChart of(List<PlottedCell> cells) {
        double[] range = range(cells);
        boolean log = range[1] / range[0] > LOG_SPAN;
        CategoryChart c = ChartFrame.create(
                "Latency percentiles (ms), all repetitions merged", log ? "ms (log scale)" : "ms", cells);
        if (log) {
            c.getStyler().setYAxisLogarithmic(true);
            // bars grow from the axis minimum; XChart's default of 0 has no logarithm
            c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(range[0]))));
            c.getStyler().setYAxisLogarithmicDecadeOnly(true);
            // XChart writes 10000 as "1E4"; decades read better in full (a formatting function would unlog the ticks)
            c.getStyler().setYAxisDecimalPattern("#,##0.###");
            c.getStyler().setPlotGridLinesColor(new Color(0xEE, 0xEE, 0xEE));
        }
        series(c, cells, "p50", LatencySummary::p50, new Color(0x4E79A7));
        series(c, cells, "p90", LatencySummary::p90, new Color(0x59A14F));
        series(c, cells, "p99", LatencySummary::p99, new Color(0xF28E2B));
        series(c, cells, "p99.9", LatencySummary::p999, new Color(0xE15759));
        return BarValueLabels.addTo(c);
    }

    private static void series(
            CategoryChart c, List<PlottedCell> cells, String name, ToLongFunction<LatencySummary> p, Color color) {
        List<String> x = cells.stream().map(PlottedCell::label).toList();
        List<Double> ms = cells.stream()
                .map(cell -> Math.max(FLOOR_MS, us(cell, p) / 1000.0))
                .toList();
        c.addSeries(name, x, ms).setFillColor(color);
    }

    /** Largest over smallest percentile shown. */
    static double span(List<PlottedCell> cells) {
        double[] range = range(cells);
        return range[1] / range[0];
    }

    /** Smallest and largest percentile shown (ms), the smallest no finer than the histogram's resolution. */
    private static double[] range(List<PlottedCell> cells) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (PlottedCell cell : cells) {
            min = Math.min(min, Math.max(FLOOR_MS, us(cell, LatencySummary::p50) / 1000.0));
            max = Math.max(max, us(cell, LatencySummary::p999) / 1000.0);
        }
        return new double[] {min, Math.max(min, max)};
    }

    private static long us(PlottedCell cell, ToLongFunction<LatencySummary> p) {
        LatencySummary l = cell.cell().latencyUs();
        return l == null ? 0 : p.applyAsLong(l);
    }
}
