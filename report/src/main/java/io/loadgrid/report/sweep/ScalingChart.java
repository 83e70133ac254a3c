package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.report.results.Figure;
import io.loadgrid.report.results.Stat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Scaling curves: throughput and p99 against a swept parameter (concurrency, rate), one line per model (per every
 * other parameter that differs), each point its cell's mean or merged p99 with one stddev of the repetitions each
 * way. Drawn for an axis only where some line has two points on it; single-axis sweeps keep the bar charts.
 */
final class ScalingChart {
    /** The parameters a sweep scales along, as plan keys. */
    static final List<String> AXES = List.of("concurrency", "rate");
    /** Beyond a decade the points of a 1, 10, 100, 1000 sweep would crowd one end of a linear axis. */
    private static final double LOG_SPAN = 10;
    /** As the latency bars: beyond two decades the smaller values would be flat on a linear axis. */
    private static final double LOG_Y_SPAN = 100;

    private ScalingChart() {}

    /** Each drawn file, with its chart: scaling_{axis}_throughput.png and scaling_{axis}_p99.png. */
    static Map<String, XYChart> of(List<PlottedCell> cells) {
        Map<String, XYChart> charts = new LinkedHashMap<>();
        for (String axis : AXES) {
            Map<String, List<PlottedCell>> lines = lines(cells, axis);
            if (lines.values().stream().anyMatch(l -> l.size() > 1)) {
                charts.put(
                        file(axis, "throughput"),
                        chart(
                                axis,
                                lines,
                                "Throughput (responses/s)",
                                "responses/s, mean ± stddev",
                                ScalingChart::throughput));
                charts.put(
                        file(axis, "p99"),
                        chart(
                                axis,
                                lines,
                                "p99 latency (ms)",
                                "ms, all repetitions merged; ± stddev of theirs",
                                ScalingChart::p99));
            }
        }
        return charts;
    }

    static String file(String axis, String figure) {
        return "scaling_" + axis + "_" + figure + ".png";
    }

    /** The heading of a scaling file, or null when {@code file} is not one. */
    static String titleOf(String file) {
        for (String axis : AXES) {
            if (file.equals(file(axis, "throughput"))) {
                return "Throughput against " + axis;
            }
            if (file.equals(file(axis, "p99"))) {
                return "p99 latency against " + axis;
            }
        }
        return null;
    }

    /**
     * The cells on {@code axis}, by line: cells whose other parameters are all equal share a line, named by the
     * parameters that tell the lines apart (the model alone in a model × concurrency sweep), points in axis order.
     */
    static Map<String, List<PlottedCell>> lines(List<PlottedCell> cells, String axis) {
        Map<Map<String, String>, List<PlottedCell>> byRest = new LinkedHashMap<>();
        for (PlottedCell c : cells) {
            if (value(c, axis) != null) {
                byRest.computeIfAbsent(rest(c, axis), k -> new ArrayList<>()).add(c);
            }
        }
        List<String> differing = byRest.keySet().stream()
                .flatMap(m -> m.keySet().stream())
                .distinct()
                .filter(k ->
                        byRest.keySet().stream().map(m -> m.get(k)).distinct().count() > 1)
                .toList();
        Map<String, List<PlottedCell>> lines = new LinkedHashMap<>();
        byRest.forEach((rest, line) -> {
            List<String> name = new ArrayList<>();
            for (String k : differing) {
                name.add(k.equals("model") ? rest.get(k) : k + "=" + rest.get(k));
            }
            line.sort(Comparator.comparingDouble(c -> value(c, axis)));
            lines.put(name.isEmpty() ? "all cells" : String.join(" ", name), line);
        });
        return lines;
    }

    private static XYChart chart(
            String axis,
            Map<String, List<PlottedCell>> lines,
            String title,
            String yTitle,
            Function<PlottedCell, Stat> figure) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (List<PlottedCell> line : lines.values()) {
            for (PlottedCell c : line) {
                min = Math.min(min, value(c, axis));
                max = Math.max(max, value(c, axis));
            }
        }
        boolean log = min > 0 && max / min > LOG_SPAN;
        XYChart chart = ChartFrame.createXy(
                title + " against " + axis, axis + (log ? " (log scale)" : ""), yTitle, List.copyOf(lines.keySet()));
        if (log) {
            chart.getStyler().setXAxisLogarithmic(true);
            chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        }
        double low = Double.MAX_VALUE;
        double high = 0;
        for (List<PlottedCell> line : lines.values()) {
            for (PlottedCell c : line) {
                Stat y = figure.apply(c);
                low = Math.min(low, y.mean() - y.stddev());
                high = Math.max(high, y.mean() + y.stddev());
            }
        }
        if (low > 0 && high / low > LOG_Y_SPAN) {
            // p99 grows by decades with concurrency: on a linear axis every point below the last would lie on zero
            chart.getStyler().setYAxisLogarithmic(true);
            chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(low))));
            chart.getStyler().setYAxisDecimalPattern("#,##0.###");
            chart.setYAxisTitle(yTitle + " (log scale)");
        }
        lines.forEach((name, line) -> {
            double[] x = line.stream().mapToDouble(c -> value(c, axis)).toArray();
            double[] y = line.stream().mapToDouble(c -> figure.apply(c).mean()).toArray();
            double[] e =
                    line.stream().mapToDouble(c -> figure.apply(c).stddev()).toArray();
            XYSeries s = chart.addSeries(name, x, y, e);
            s.setMarker(SeriesMarkers.CIRCLE);
        });
        return chart;
    }

    private static Stat throughput(PlottedCell c) {
        return c.total(Figure.THROUGHPUT.key());
    }

    /** The merged p99 (percentiles are never averaged), with the spread of the repetitions' own p99s. */
    private static Stat p99(PlottedCell c) {
        Stat spread = Stat.of(c.cell().runs().stream()
                .map(RunResult::latency)
                .map(l -> l.latencyUs().p99() / 1000.0)
                .toList());
        double merged = c.cell().latencyUs() == null
                ? spread.mean()
                : c.cell().latencyUs().p99() / 1000.0;
        return new Stat(spread.n(), merged, spread.stddev(), spread.min(), spread.max());
    }

    private static Double value(PlottedCell c, String axis) {
        return c.cell().parameters().get(axis) instanceof Number n ? n.doubleValue() : null;
    }

    private static Map<String, String> rest(PlottedCell c, String axis) {
        Map<String, String> rest = new TreeMap<>();
        c.cell().parameters().forEach((k, v) -> {
            if (!k.equals(axis)) {
                rest.put(k, String.valueOf(v));
            }
        });
        return rest;
    }
}
