package io.loadgrid.report.sweep;

import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Stat;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tables shaped as the summary's: one row per cell, saturated cells flagged, text that must stay text. */
final class SampleTables {
    static final String INJECTED = "<script>alert('x')</script> & <b>bold</b>";
    static final List<String> COMPARISONS = List.of(
            "async c=100 ran 3.52 ± 0.10 times faster than threads c=100",
            "virtual c=1000 ran 1.61 ± 0.04 times faster than sync c=1");

    private SampleTables() {}

    static List<TableModel> of(SweepResults r) {
        List<List<String>> wall = new ArrayList<>();
        List<List<String>> latency = new ArrayList<>();
        for (CellResult c : r.cells()) {
            String name = c.name() + (c.saturation().saturated() ? " ⚠" : "");
            if (c.runs().isEmpty()) {
                wall.add(List.of(name, c.group(), "-", "-", "-", "0"));
                continue;
            }
            Stat s = c.totals().get("wall_s");
            wall.add(List.of(
                    name,
                    c.group(),
                    f("%.2f ± %.2f", s.mean(), s.stddev()),
                    f("%.2f", s.min()),
                    f("%.2f", s.max()),
                    Integer.toString(s.n())));
            latency.add(List.of(
                    name,
                    f("%.2f", c.latencyUs().p50() / 1e3),
                    f("%.2f", c.latencyUs().p99() / 1e3),
                    f("%,d", c.latencyUs().count()),
                    "http://127.0.0.1:8080"));
        }
        return List.of(
                new TableModel(
                        "Execution Time (s)",
                        List.of("Cell", "Model", "Mean ± σ", "Min", "Max", "Runs"),
                        wall,
                        List.of("⚠ async c=100: generator saturated (agent 1a2b3c4d CPU 187% of 2 cores)")),
                new TableModel(
                        "Latency (ms)",
                        List.of("Cell", "p50", "p99", "Samples", "Target"),
                        latency,
                        List.of("a note with markup in it: " + INJECTED)));
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
