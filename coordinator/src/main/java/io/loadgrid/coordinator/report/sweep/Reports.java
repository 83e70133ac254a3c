package io.loadgrid.coordinator.report.sweep;

import io.loadgrid.coordinator.sweep.results.SweepResults;
import io.loadgrid.coordinator.sweep.store.AtomicFile;
import java.nio.file.Path;

/** Renders every human-readable output of a sweep from its results: results.csv, summary.md, plots, report.html. */
public final class Reports {
    private Reports() {
    }

    public static void write(Path dir, SweepResults r) {
        AtomicFile.write(dir.resolve("results.csv"), ResultsCsv.render(r));
        AtomicFile.write(dir.resolve("summary.md"), SummaryMarkdown.render(r, false));
    }
}
