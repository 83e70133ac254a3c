package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.SearchResult;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A search sweep's answer: per cell the highest constant rate that met the objectives, the p99 there and the
 * generator's CPU per 1k req/s, then each cell against the best, in hyperfine's words.
 */
final class MaxRateTable {
    private MaxRateTable() {}

    static Optional<TableModel> of(SweepResults r) {
        List<CellResult> searched =
                r.cells().stream().filter(c -> c.search() != null).toList();
        if (searched.isEmpty()) {
            return Optional.empty();
        }
        List<List<String>> rows = new ArrayList<>();
        for (CellResult c : searched) {
            SearchResult s = c.search();
            RunResult at = c.runs().isEmpty() ? null : c.runs().getLast();
            rows.add(List.of(
                    c.id(),
                    c.name(),
                    String.valueOf(c.parameters().getOrDefault("model", "async")),
                    String.valueOf(c.parameters().getOrDefault("concurrency", "-")),
                    s.bestRate() == null
                            ? "none"
                            : (s.atTop() ? "≥ " : "")
                                    + SearchLines.rate(s.bestRate())
                                    + (s.confirmed() ? "" : " ?")
                                    + (SearchLines.generatorBound(s) ? " " + HtmlText.SATURATED_SIGN : ""),
                    at == null ? "-" : Fmt.f("%.2f", at.latency().latencyUs().p99() / 1e3),
                    at == null ? "-" : cpuPerThousand(at),
                    Integer.toString(s.steps().size())));
        }
        return Optional.of(new TableModel(
                "Max rate at " + searched.getFirst().search().slo(),
                List.of(
                        "Cell",
                        "Name",
                        "Model",
                        "Concurrency",
                        "Max rate (items/s)",
                        "p99 there (ms)",
                        "CPU per 1k req/s (cores)",
                        "Runs"),
                rows,
                notes(searched)));
    }

    /** The generator's cores per 1,000 responses a second at the max rate: what each model's rate costs. */
    private static String cpuPerThousand(RunResult at) {
        if (at.resources().cpuProcessPct() == null || at.rates().reqPerS() <= 0) {
            return "-";
        }
        return Fmt.f(
                "%.3f", at.resources().cpuProcessPct().avg() / 100 / (at.rates().reqPerS() / 1000));
    }

    private static List<String> notes(List<CellResult> searched) {
        List<String> notes = new ArrayList<>();
        List<CellResult> found = searched.stream()
                .filter(c -> c.search().bestRate() != null)
                .sorted(Comparator.comparingDouble((CellResult c) -> c.search().bestRate())
                        .reversed())
                .toList();
        if (found.size() > 1) {
            CellResult best = found.getFirst();
            for (CellResult other : found.subList(1, found.size())) {
                notes.add(Fmt.f(
                        "%s sustained %.2f times the rate of %s",
                        best.name(), best.search().bestRate() / other.search().bestRate(), other.name()));
            }
        }
        for (CellResult c : searched) {
            notes.add(c.id() + " " + c.name() + ": " + SearchLines.of(c.search()));
        }
        notes.add(Fmt.f(
                "each rate one paced run; the best confirmed by a second run at it, which is the cell's kept run; "
                        + "the bracket closed to within %.0f%%; ? marks a best rate the runs ran out before confirming",
                searched.getFirst().search().precision() * 100));
        return notes;
    }
}
