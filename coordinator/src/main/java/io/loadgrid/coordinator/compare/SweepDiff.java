package io.loadgrid.coordinator.compare;

import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.coordinator.sweep.results.CellResult;
import io.loadgrid.coordinator.sweep.results.Figure;
import io.loadgrid.coordinator.sweep.results.Stat;
import io.loadgrid.coordinator.sweep.results.SweepResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares two sweeps cell by cell. Cells match by id when their parameters are equal (the same plan), otherwise by
 * name. Each matched pair is judged on execution time (or throughput for timed cells), p99 latency of the merged
 * histograms, and failure rate (a rise of more than one percentage point is a regression whatever the threshold).
 */
public final class SweepDiff {
    private SweepDiff() {
    }

    public record Result(List<Change> changes, List<String> unmatched) {
        public boolean regressed() {
            return changes.stream().anyMatch(Change::regression);
        }
    }

    public static Result of(SweepResults a, SweepResults b, double thresholdPct) {
        List<Change> changes = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (CellResult ca : a.cells()) {
            CellResult cb = match(ca, b);
            if (cb == null || !ca.done() || !cb.done()) {
                unmatched.add(ca.id() + " " + ca.name() + (cb == null ? ": not in B" : ": not completed in both"));
                continue;
            }
            boolean timed = ca.parameters().containsKey("duration") || ca.parameters().containsKey("rate");
            Figure speed = timed ? Figure.THROUGHPUT : Figure.WALL;
            changes.add(stat(ca, speed, ca.totals().get(speed.key()), cb.totals().get(speed.key()), thresholdPct));
            changes.add(p99(ca, ca.latencyUs(), cb.latencyUs(), thresholdPct));
            changes.add(failures(ca, cb));
        }
        return new Result(changes, unmatched);
    }

    private static CellResult match(CellResult ca, SweepResults b) {
        for (CellResult cb : b.cells()) {
            if (cb.id().equals(ca.id()) && Objects.equals(String.valueOf(cb.parameters()), String.valueOf(ca.parameters()))) {
                return cb;
            }
        }
        return b.cells().stream().filter(cb -> cb.name().equals(ca.name())).findFirst().orElse(null);
    }

    private static Change stat(CellResult c, Figure f, Stat a, Stat b, double threshold) {
        double pct = pct(a.mean(), b.mean());
        double worse = f.higherIsBetter() ? a.mean() - b.mean() : b.mean() - a.mean();
        double noise = a.n() > 1 && b.n() > 1 ? 2 * Math.sqrt(a.stddev() * a.stddev() + b.stddev() * b.stddev()) : 0;
        boolean regression = worse > 0 && Math.abs(pct) > threshold && worse > noise;
        return new Change(c.id(), c.name(), f.label(), f.unit(), a.mean(), b.mean(), pct, regression);
    }

    private static Change p99(CellResult c, LatencySummary a, LatencySummary b, double threshold) {
        double pa = a.p99() / 1e3;
        double pb = b.p99() / 1e3;
        double pct = pct(pa, pb);
        return new Change(c.id(), c.name(), "p99 latency", "ms", pa, pb, pct, pb > pa && pct > threshold);
    }

    private static Change failures(CellResult ca, CellResult cb) {
        double ra = rate(ca);
        double rb = rate(cb);
        return new Change(ca.id(), ca.name(), "failure rate", "%", ra, rb, rb - ra, rb - ra > 1.0);
    }

    private static double rate(CellResult c) {
        double items = c.totals().get("items").mean();
        return items > 0 ? 100 * c.totals().get("failed").mean() / items : 0;
    }

    private static double pct(double a, double b) {
        return a == 0 ? (b == 0 ? 0 : 100) : (b - a) * 100 / a;
    }
}
