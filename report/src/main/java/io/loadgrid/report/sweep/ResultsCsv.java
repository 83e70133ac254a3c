package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Figure;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * results.csv: one row per measured run (the raw material for your own statistics), with the cell's parameters and
 * saturation flag, every figure, and the run's own latency percentiles in ms.
 */
public final class ResultsCsv {
    static final List<String> PARAMS = List.of(
            "model",
            "concurrency",
            "items",
            "duration",
            "rate",
            "workload",
            "threads",
            "processes",
            "batch",
            "pool",
            "agents",
            "target_latency_ms");

    private ResultsCsv() {}

    public static String render(SweepResults r) {
        List<String> head = new ArrayList<>(List.of("cell", "name", "run", "status", "saturated"));
        PARAMS.forEach(p -> head.add("param_" + p));
        Figure.ALL.forEach(f -> head.add(f.key()));
        head.addAll(List.of("p50_ms", "p90_ms", "p99_ms", "p999_ms", "max_ms"));
        StringBuilder b = new StringBuilder(String.join(",", head)).append('\n');
        for (CellResult c : r.cells()) {
            for (int i = 0; i < c.runs().size(); i++) {
                RunResult run = c.runs().get(i);
                List<String> row = new ArrayList<>(List.of(
                        c.id(),
                        quote(c.name()),
                        Integer.toString(i + 1),
                        c.status(),
                        Boolean.toString(c.saturation().saturated())));
                PARAMS.forEach(p -> row.add(quote(String.valueOf(c.parameters().getOrDefault(p, "")))));
                Figure.ALL.forEach(f -> row.add(num(f.value().applyAsDouble(run))));
                LatencySummary l = run.latency().latencyUs();
                for (long v : new long[] {l.p50(), l.p90(), l.p99(), l.p999(), l.max()}) {
                    row.add(num(v / 1e3));
                }
                b.append(String.join(",", row)).append('\n');
            }
        }
        return b.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.4f", v);
    }

    /** RFC 4180: quote when needed, double the quotes inside. */
    static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\""
                : s;
    }
}
