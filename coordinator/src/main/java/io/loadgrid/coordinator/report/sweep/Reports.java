package io.loadgrid.coordinator.report.sweep;

import io.loadgrid.common.files.AtomicFile;
import io.loadgrid.coordinator.sweep.results.SweepResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Renders every human-readable output of a sweep from its results: results.csv, summary.md, plots, report.html. */
public final class Reports {
    private Reports() {}

    public static void write(Path dir, SweepResults r) {
        try {
            AtomicFile.write(dir.resolve("results.csv"), ResultsCsv.render(r));
            Map<String, byte[]> plots = SweepPlots.write(r, dir.resolve("plots"));
            // tables and comparisons are computed once, for both renderings
            List<TableModel> tables = SweepTables.of(r);
            List<Comparisons.Group> groups = Comparisons.of(r);
            AtomicFile.write(dir.resolve("summary.md"), SummaryMarkdown.render(r, tables, groups, plots.keySet()));
            HtmlReport.write(
                    dir.resolve("report.html"), HtmlReport.render(r, tables, Comparisons.lines(groups), plots));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports of " + dir + ": " + e.getMessage(), e);
        }
    }
}
