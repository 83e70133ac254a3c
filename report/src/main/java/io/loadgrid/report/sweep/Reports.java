package io.loadgrid.report.sweep;

import io.loadgrid.common.files.AtomicFile;
import io.loadgrid.report.junit.JUnitFile;
import io.loadgrid.report.junit.SweepCases;
import io.loadgrid.report.results.SweepResults;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Renders every human-readable output of a sweep from its results: results.csv, summary.md, plots, report.html. */
public final class Reports {
    private Reports() {}

    /**
     * Renders the reports of a sweep whose results.json is saved. One that cannot be drawn (no fonts on a server, a
     * full disk) costs a warning, never the measuring: {@code ./loadgrid report} can draw it later.
     */
    public static void writeOrWarn(Path dir, SweepResults r, PrintStream err) {
        try {
            write(dir, r);
        } catch (RuntimeException | Error e) {
            err.println("loadgrid sweep: warning: results.json is saved but the reports were not (" + e
                    + "); render them later with ./loadgrid report " + dir);
        }
    }

    /** The objectives' JUnit report in a sweep's folder, written when any cell is held to objectives. */
    public static final String JUNIT = "junit.xml";

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
            List<JUnitFile.Case> cases = SweepCases.of(r);
            if (!cases.isEmpty()) {
                JUnitFile.write(dir.resolve(JUNIT), "loadgrid sweep " + r.plan().name(), started(r), cases);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports of " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Instant started(SweepResults r) {
        try {
            return Instant.parse(r.environment().started());
        } catch (RuntimeException e) {
            return Instant.now();
        }
    }
}
