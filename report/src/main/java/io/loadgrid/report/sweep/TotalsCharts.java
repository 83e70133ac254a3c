package io.loadgrid.report.sweep;

import io.loadgrid.report.results.Figure;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.CategoryChart;

/** Charts of figures averaged over repetitions: a bar per cell at the mean, its error bar one stddev each way. */
final class TotalsCharts {
    // one colour per series, the same in every sweep; a figure's max is a lighter shade of its avg
    private static final Color BLUE = new Color(0x4E79A7);
    private static final Color LIGHT_BLUE = new Color(0x9CC3E6);
    private static final Color ORANGE = new Color(0xF28E2B);
    private static final Color LIGHT_ORANGE = new Color(0xFFC68A);
    private static final Color GREEN = new Color(0x59A14F);
    private static final Color PURPLE = new Color(0x8E5B91);
    private static final Color LIGHT_PURPLE = new Color(0xD4A6C8);
    private static final Color RED = new Color(0xE15759);

    private TotalsCharts() {}

    static CategoryChart executionTime(List<PlottedCell> cells) {
        return single(Figure.WALL, BLUE, cells);
    }

    static CategoryChart throughput(List<PlottedCell> cells) {
        return single(Figure.THROUGHPUT, GREEN, cells);
    }

    static CategoryChart failures(List<PlottedCell> cells) {
        return single(Figure.FAILED, RED, cells);
    }

    static CategoryChart cpu(List<PlottedCell> cells) {
        CategoryChart c = ChartFrame.create("CPU Usage (%)", "%, mean ± stddev", cells);
        bars(c, cells, "process avg (% of one core)", "cpu_process_avg", BLUE);
        bars(c, cells, "process max", "cpu_process_max", LIGHT_BLUE);
        bars(c, cells, "system avg (% of all cores)", "cpu_system_avg", ORANGE);
        bars(c, cells, "system max", "cpu_system_max", LIGHT_ORANGE);
        return BarValueLabels.addTo(c);
    }

    static CategoryChart memory(List<PlottedCell> cells) {
        CategoryChart c = ChartFrame.create("Memory Usage, RSS (MB)", "MB, mean ± stddev", cells);
        bars(c, cells, "RSS avg", "rss_avg_mb", PURPLE);
        bars(c, cells, "RSS max", "rss_max_mb", LIGHT_PURPLE);
        return BarValueLabels.addTo(c);
    }

    /** A search sweep's answer: each cell's best rate at its objectives (0 where no rate met them). */
    static CategoryChart maxRate(List<PlottedCell> cells) {
        List<PlottedCell> searched =
                cells.stream().filter(p -> p.cell().search() != null).toList();
        CategoryChart c = ChartFrame.create(
                "Max rate at " + searched.getFirst().cell().search().slo() + " (items/s)", "items/s", searched);
        List<String> x = searched.stream().map(PlottedCell::label).toList();
        List<Double> best = searched.stream()
                .map(p -> p.cell().search().bestRate() == null
                        ? 0.0
                        : p.cell().search().bestRate())
                .toList();
        c.addSeries("max rate", x, best).setFillColor(GREEN);
        c.getStyler().setLegendVisible(false);
        return BarValueLabels.addTo(c);
    }

    private static CategoryChart single(Figure f, Color color, List<PlottedCell> cells) {
        CategoryChart c = ChartFrame.create(f.label() + " (" + f.unit() + ")", f.unit() + ", mean ± stddev", cells);
        bars(c, cells, f.label(), f.key(), color);
        // one series needs no key, unless the legend is where the saturation note goes
        c.getStyler().setLegendVisible(false);
        return BarValueLabels.addTo(c);
    }

    private static void bars(CategoryChart c, List<PlottedCell> cells, String series, String key, Color color) {
        List<String> x = cells.stream().map(PlottedCell::label).toList();
        List<Double> mean = cells.stream().map(p -> p.total(key).mean()).toList();
        List<Double> sd = cells.stream().map(p -> p.total(key).stddev()).toList();
        c.addSeries(series, x, mean, sd).setFillColor(color);
    }
}
