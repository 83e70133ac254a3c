package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.List;

/** Every cell on one row, the first thing to read: time, rate, tail latency, failures, CPU, memory, flags. */
final class OverviewTable {
    private OverviewTable() {}

    static TableModel of(SweepResults r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (CellResult c : r.cells()) {
            LatencySummary l = c.latencyUs();
            boolean any = !c.runs().isEmpty();
            rows.add(List.of(
                    c.id(),
                    c.name() + (c.saturation().saturated() ? " ⚠" : ""),
                    Integer.toString(c.runs().size()),
                    any ? Fmt.pm(c.totals().get("wall_s"), "%.2f") : "-",
                    any ? Fmt.pm(c.totals().get("req_per_s"), "%,.1f") : "-",
                    l == null || l.count() == 0 ? "-" : Fmt.ms(l.p50()),
                    l == null || l.count() == 0 ? "-" : Fmt.ms(l.p99()),
                    any ? Fmt.pm(c.totals().get("failed"), "%,.0f") : "-",
                    any ? Fmt.pm(c.totals().get("cpu_process_avg"), "%.0f") : "-",
                    any ? Fmt.pm(c.totals().get("rss_max_mb"), "%.0f") : "-",
                    c.status()));
            if (c.saturation().saturated()) {
                notes.add("⚠ " + c.id() + " " + c.name() + ": generator saturated ("
                        + c.saturation().summary() + ")");
            }
            LostAgentLines.of(c).forEach(loss -> notes.add("⚠ " + c.id() + " " + c.name() + ", " + loss));
        }
        return new TableModel(
                "Cells",
                List.of(
                        "Cell",
                        "Name",
                        "Runs",
                        "Execution Time (s)",
                        "Throughput (resp/s)",
                        "p50 (ms)",
                        "p99 (ms)",
                        "Failed",
                        "CPU proc. avg (%)",
                        "RSS max (MB)",
                        "Status"),
                rows,
                notes);
    }
}
