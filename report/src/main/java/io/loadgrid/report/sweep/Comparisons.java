package io.loadgrid.report.sweep;

import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Stat;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * hyperfine's summary for each group of comparable cells (equal workload, items, target...): the fastest cell "ran
 * r ± σ times faster than" each other one. Count-bounded cells compare execution time; timed or paced ones compare
 * throughput, since their time is fixed. σ propagates both cells' relative stddevs, as hyperfine does.
 */
public final class Comparisons {
    private Comparisons() {}

    /** One group's verdict. */
    public record Group(String key, String basis, String fastest, List<String> lines) {}

    public static List<Group> of(SweepResults r) {
        Map<String, List<CellResult>> groups = new LinkedHashMap<>();
        for (CellResult c : r.cells()) {
            // a searched cell's one run is at its own best rate: the max-rate table compares those
            if (c.done() && !c.runs().isEmpty() && c.search() == null) {
                groups.computeIfAbsent(c.group(), k -> new ArrayList<>()).add(c);
            }
        }
        List<Group> out = new ArrayList<>();
        groups.forEach((key, cells) -> {
            if (cells.size() > 1) {
                out.add(group(key, cells));
            }
        });
        return out;
    }

    /** Every line of every group, as the HTML report lists them. */
    public static List<String> lines(SweepResults r) {
        return lines(of(r));
    }

    public static List<String> lines(List<Group> groups) {
        return groups.stream().flatMap(g -> g.lines().stream()).toList();
    }

    private static Group group(String key, List<CellResult> cells) {
        boolean byTime = cells.stream().noneMatch(CellResult::paced);
        String fig = byTime ? "wall_s" : "req_per_s";
        Comparator<CellResult> fastestFirst =
                Comparator.comparingDouble(c -> c.totals().get(fig).mean());
        List<CellResult> sorted = new ArrayList<>(cells);
        sorted.sort(byTime ? fastestFirst : fastestFirst.reversed());
        CellResult best = sorted.get(0);
        List<String> lines = new ArrayList<>();
        for (CellResult other : sorted.subList(1, sorted.size())) {
            Stat b = best.totals().get(fig);
            Stat o = other.totals().get(fig);
            if (b.mean() <= 0 || o.mean() <= 0) {
                continue;
            }
            double ratio = byTime ? o.mean() / b.mean() : b.mean() / o.mean();
            double sigma = ratio * Math.sqrt(sq(b.stddev() / b.mean()) + sq(o.stddev() / o.mean()));
            lines.add(Fmt.f(
                    "%s ran %.2f ± %.2f times faster than %s%s",
                    label(best),
                    ratio,
                    sigma,
                    label(other),
                    best.saturation().saturated() || other.saturation().saturated() ? " (⚠ generator saturated)" : ""));
        }
        return new Group(key, byTime ? "execution time" : "throughput", best.name(), lines);
    }

    private static String label(CellResult c) {
        return c.name() + " (n=" + c.runs().size() + ")";
    }

    private static double sq(double v) {
        return v * v;
    }
}
