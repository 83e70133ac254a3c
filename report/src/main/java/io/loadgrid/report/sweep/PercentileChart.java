package io.loadgrid.report.sweep;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency by percentile, one line per cell, in HdrHistogram's classic form: the x axis is 1 / (1 - percentile) on a
 * log scale, so that 90 %, 99 %, 99.9 % ... are evenly spaced and the tail, where models differ, gets the room.
 * Each cell's line is its repetitions' histograms merged.
 */
final class PercentileChart {
    /** The axis runs from the median to at least 99.999 %, a decade (one more nine) per step. */
    static final double FROM = Math.log10(2);

    static final double NINES = 5;
    /** The percentiles the tables name. */
    private static final double[] NAMED = {50, 90, 99, 99.9, 99.99, 99.999};
    /** HdrHistogram's own percentile output steps: five points per halving of the distance to 100 %. */
    private static final int TICKS_PER_HALF = 5;
    /** As the bar chart: beyond two decades a fast cell would be a flat line on a linear axis. */
    private static final double LOG_SPAN = 100;

    private PercentileChart() {}

    static XYChart of(List<PlottedCell> cells) {
        List<double[][]> lines = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = 0;
        double right = NINES;
        for (PlottedCell cell : cells) {
            double[][] line = line(cell.cell().latencyHistogram());
            lines.add(line);
            for (int i = 0; i < line[0].length; i++) {
                min = Math.min(min, line[1][i]);
                max = Math.max(max, line[1][i]);
                right = Math.max(right, line[0][i]);
            }
        }
        boolean log = max / Math.max(min, 1e-3) > LOG_SPAN;
        String xTitle =
                PlottedCell.anySaturated(cells) ? "percentile      (" + PlottedCell.SATURATED_NOTE + ")" : "percentile";
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (lines.get(i)[0].length > 0) {
                names.add(cells.get(i).label());
            }
        }
        XYChart c = ChartFrame.createXy(
                "Latency by percentile (ms), all repetitions merged", xTitle, log ? "ms (log scale)" : "ms", names);
        c.getStyler().setXAxisMin(FROM);
        c.getStyler().setXAxisMax(Math.ceil(right));
        c.getStyler().setxAxisTickLabelsFormattingFunction(PercentileChart::percentile);
        if (log) {
            c.getStyler().setYAxisLogarithmic(true);
            c.getStyler().setYAxisLogarithmicDecadeOnly(true);
            c.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-3)))));
            c.getStyler().setYAxisDecimalPattern("#,##0.###");
            c.getStyler().setPlotGridLinesColor(new Color(0xEE, 0xEE, 0xEE));
        }
        for (int i = 0; i < cells.size(); i++) {
            if (lines.get(i)[0].length > 0) {
                XYSeries s = c.addSeries(cells.get(i).label(), lines.get(i)[0], lines.get(i)[1]);
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        return c;
    }

    /**
     * The points of one histogram, x as log10(1 / (1 - percentile)) from the median up and y in ms; the maximum is
     * placed one item from the top (1 - 1/count), where the last value of a finite sample lies.
     */
    static double[][] line(Histogram h) {
        List<double[]> points = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            double top = Math.log10(h.getTotalCount());
            for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF)) {
                double level = v.getPercentileLevelIteratedTo() / 100;
                double x = level >= 1 ? top : Math.min(top, Math.log10(1 / (1 - level)));
                if (x >= FROM) {
                    points.add(new double[] {x, h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0});
                }
            }
            // the iteration's steps miss 99 % and the nines after it: the line passes through the figures the
            // tables give (p50, p90, p99, p99.9, ...) exactly
            for (double level : NAMED) {
                double x = Math.log10(100 / (100 - level));
                if (x < top) {
                    points.add(new double[] {x, h.getValueAtPercentile(level) / 1000.0});
                }
            }
            points.sort(Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        }
        double[][] line = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            line[0][i] = points.get(i)[0];
            line[1][i] = points.get(i)[1];
        }
        return line;
    }

    /** The percentile at {@code x} on the axis: 0 is 0 %, 1 is 90 %, 2 is 99 %, with the digits it needs. */
    static String percentile(double x) {
        double p = 100 * (1 - Math.pow(10, -x));
        int digits = Math.max(0, (int) Math.ceil(x - 1e-9) - 1);
        String text = String.format(Locale.ROOT, "%." + digits + "f", p);
        return (text.contains(".") ? text.replaceFirst("\\.?0+$", "") : text) + "%";
    }
}
