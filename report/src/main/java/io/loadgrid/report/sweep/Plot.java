package io.loadgrid.report.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.internal.chartpart.Chart;

/** The plots of a sweep report, in the order the report shows them. */
enum Plot {
    EXECUTION_TIME("execution_time.png", "Execution time", TotalsCharts::executionTime),
    THROUGHPUT("throughput.png", "Throughput", TotalsCharts::throughput),
    LATENCY("latency_percentiles.png", "Latency percentiles", LatencyChart::of),
    DISTRIBUTION("latency_distribution.png", "Latency by percentile", PercentileChart::of),
    CPU("cpu.png", "CPU usage", TotalsCharts::cpu),
    MEMORY("memory.png", "Memory usage (RSS)", TotalsCharts::memory),
    FAILURES("failures.png", "Failed requests", TotalsCharts::failures);

    final String file;
    final String title;
    private final Function<List<PlottedCell>, Chart<?, ?>> chart;

    Plot(String file, String title, Function<List<PlottedCell>, Chart<?, ?>> chart) {
        this.file = file;
        this.title = title;
        this.chart = chart;
    }

    Chart<?, ?> chart(List<PlottedCell> cells) {
        return chart.apply(cells);
    }

    /** The heading of a plot file; a file this version does not draw is named by its file name. */
    static String titleOf(String file) {
        if (file.equals(SweepPlots.MAX_RATE)) {
            return "Max rate at the objectives";
        }
        if (ScalingChart.titleOf(file) != null) {
            return ScalingChart.titleOf(file);
        }
        if (TimelineChart.titleOf(file) != null) {
            return TimelineChart.titleOf(file);
        }
        return Arrays.stream(values())
                .filter(p -> p.file.equals(file))
                .map(p -> p.title)
                .findFirst()
                .orElse(file.replaceFirst("\\.png$", "").replace('_', ' '));
    }
}
