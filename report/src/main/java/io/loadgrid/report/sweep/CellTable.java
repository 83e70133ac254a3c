package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One cell in the seeds' rows (execution time, downloaded and speed, ... threads), each mean ± stddev, plus latency.
 */
final class CellTable {
    private CellTable() {}

    static TableModel of(CellResult c) {
        Map<String, Stat> t = c.totals();
        boolean http = c.runs().isEmpty() || c.runs().get(0).counts().result() == null;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("Execution Time", Fmt.pm(t.get("wall_s"), "%.2f"), "seconds"));
        rows.add(List.of("Throughput", Fmt.pm(t.get("req_per_s"), "%,.1f"), "responses/s"));
        rows.add(List.of("Item Rate", Fmt.pm(t.get("items_per_s"), "%,.1f"), "items/s"));
        rows.add(List.of("Items", Fmt.pm(t.get("items"), "%,.0f"), "items"));
        if (http) {
            rows.add(List.of("Total Downloaded", Fmt.pm(t.get("bytes_down"), "%,.0f"), "bytes"));
            rows.add(List.of(
                    "Download Speed", Fmt.pm(Fmt.scaled(t.get("download_bytes_per_s"), 1000), "%,.2f"), "KB/s"));
            rows.add(List.of("Total Uploaded", Fmt.pm(t.get("bytes_up"), "%,.0f"), "bytes"));
            rows.add(List.of("Upload Speed", Fmt.pm(Fmt.scaled(t.get("upload_bytes_per_s"), 1000), "%,.2f"), "KB/s"));
            rows.add(List.of("Data Written to File", Fmt.pm(t.get("bytes_written"), "%,.0f"), "bytes"));
            rows.add(List.of("Failed Requests", Fmt.pm(t.get("failed"), "%,.0f"), "requests"));
        }
        rows.add(List.of(
                "CPU Usage (Process)",
                Fmt.avgMax(t.get("cpu_process_avg"), t.get("cpu_process_max"), "%"),
                "% of one core"));
        rows.add(List.of(
                "CPU Usage (System)",
                Fmt.avgMax(t.get("cpu_system_avg"), t.get("cpu_system_max"), "%"),
                "% of all cores"));
        rows.add(List.of("Memory Usage (RSS)", Fmt.avgMax(t.get("rss_avg_mb"), t.get("rss_max_mb"), " MB"), "MB"));
        rows.add(List.of("CPU Cores", Fmt.pm(t.get("cores"), "%.0f"), "cores"));
        rows.add(List.of("Threads (max live)", Fmt.pm(t.get("threads_max"), "%.0f"), "threads"));
        rows.add(List.of("Busiest Thread", Fmt.pm(t.get("busiest_thread_pct"), "%.1f"), "% of one core"));
        latency(rows, "Latency", c.latencyUs(), "ms");
        if (c.rated()) {
            latency(rows, "Latency (uncorrected)", c.latencyUncorrectedUs(), "ms");
            latency(rows, "Schedule Lag", c.scheduleLagUs(), "ms behind the slot");
        }
        return new TableModel(
                c.id() + " · " + c.name() + (c.saturation().saturated() ? " ⚠" : ""),
                List.of("Metric", "Value", "Unit"),
                rows,
                notes(c));
    }

    private static void latency(List<List<String>> rows, String label, LatencySummary l, String unit) {
        if (l != null && l.count() > 0) {
            rows.add(List.of(
                    label,
                    "p50 " + Fmt.ms(l.p50()) + " / p90 " + Fmt.ms(l.p90()) + " / p99 " + Fmt.ms(l.p99()) + " / p99.9 "
                            + Fmt.ms(l.p999()) + " / max " + Fmt.ms(l.max()),
                    unit));
        }
    }

    private static List<String> notes(CellResult c) {
        List<String> notes = new ArrayList<>();
        notes.add("parameters: "
                + c.parameters().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", ")));
        notes.add(Fmt.f(
                "%d measured run(s), mean ± stddev; latency percentiles from the %,d items of all runs in one "
                        + "histogram",
                c.runs().size(), c.latencyUs() == null ? 0 : c.latencyUs().count()));
        if (c.saturation().saturated()) {
            notes.add("⚠ generator saturated: " + c.saturation().summary()
                    + ", so these numbers measure the generator, not the target");
        }
        LostAgentLines.of(c).forEach(l -> notes.add("⚠ " + l));
        if (!c.done()) {
            notes.add("status: " + c.status() + (c.error() == null ? "" : " (" + c.error() + ")"));
        }
        return notes;
    }
}
