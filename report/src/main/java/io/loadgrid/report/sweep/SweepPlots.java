package io.loadgrid.report.sweep;

import io.loadgrid.common.files.AtomicFile;
import io.loadgrid.report.results.SweepResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/** The PNG plots of a sweep, one per figure: a bar or a line per plotted cell. */
public final class SweepPlots {
    /** A search sweep's first plot: the best rate of each cell. */
    static final String MAX_RATE = "max_rate.png";

    private SweepPlots() {}

    /** File name to PNG bytes, in report order; empty when no cell has a measured run. */
    public static Map<String, byte[]> render(SweepResults r) {
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        charts(r).forEach((file, chart) -> pngs.put(file, png(chart)));
        pngs.putAll(TimelineChart.render(PlottedCell.of(r)));
        return pngs;
    }

    /** Writes every plot into {@code plotsDir}, each replaced whole; returns them, for report.html to embed. */
    public static Map<String, byte[]> write(SweepResults r, Path plotsDir) throws IOException {
        Map<String, byte[]> pngs = render(r);
        for (Map.Entry<String, byte[]> e : pngs.entrySet()) {
            AtomicFile.write(plotsDir.resolve(e.getKey()), e.getValue());
        }
        return pngs;
    }

    static Map<String, Chart<?, ?>> charts(SweepResults r) {
        List<PlottedCell> cells = PlottedCell.of(r);
        Map<String, Chart<?, ?>> charts = new LinkedHashMap<>();
        if (cells.stream().anyMatch(p -> p.cell().search() != null)) {
            charts.put(MAX_RATE, TotalsCharts.maxRate(cells));
        }
        if (!cells.isEmpty()) {
            for (Plot p : Plot.values()) {
                charts.put(p.file, p.chart(cells));
            }
            charts.putAll(ScalingChart.of(cells));
        }
        return charts;
    }

    private static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding " + chart.getTitle() + " as PNG", e);
        }
    }
}
