package io.loadgrid.report.compare;

import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Figure;
import io.loadgrid.report.results.Stat;
import io.loadgrid.report.results.SweepResults;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two sweeps cell by cell. Cells match by id when their parameters are equal (the same plan), otherwise by
 * name. Each matched pair is judged on execution time (or throughput for timed cells), p99 latency of the merged
 * histograms, and failure rate (a rise of more than one percentage point is a regression whatever the threshold).
 */
public final class SweepDiff {
    private SweepDiff() {}

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
            if (!ca.done()) {
                unmatched.add(ca.id() + " " + ca.name() + ": not completed in A");
                continue;
            }
            if (cb == null || !cb.done()) {
                // a cell B lost or could not finish is worse than any slowdown
                changes.add(new Change(
                        ca.id(), ca.name(), "completed (1 yes, 0 no)", "", 1, 0, -100, true, flagged(ca, cb)));
                continue;
            }
            Figure speed = ca.paced() ? Figure.THROUGHPUT : Figure.WALL;
            changes.add(stat(
                    ca,
                    speed,
                    ca.totals().get(speed.key()),
                    cb.totals().get(speed.key()),
                    thresholdPct,
                    flagged(ca, cb)));
            changes.add(p99(ca, "p99 latency", ca.latencyUs(), cb.latencyUs(), thresholdPct, flagged(ca, cb)));
            if (ca.rated() && ca.latencyUncorrectedUs() != null && cb.latencyUncorrectedUs() != null) {
                // with a rate the corrected p99 mixes the target's answer time with the generator's lateness: keep both
                changes.add(p99(
                        ca,
                        "p99 uncorrected",
                        ca.latencyUncorrectedUs(),
                        cb.latencyUncorrectedUs(),
                        thresholdPct,
                        flagged(ca, cb)));
            }
            changes.add(failures(ca, cb));
        }
        return new Result(changes, unmatched);
    }

    /** The cell of B with the same parameters, the one with the same id first; cells that differ are not compared. */
    private static CellResult match(CellResult ca, SweepResults b) {
        return b.cells().stream()
                .filter(cb -> cb.sameParameters(ca.parameters()))
                .min(java.util.Comparator.comparing(cb -> !cb.id().equals(ca.id())))
                .orElse(null);
    }

    private static boolean flagged(CellResult a, CellResult b) {
        return a.saturation().saturated() || (b != null && b.saturation().saturated());
    }

    private static Change stat(CellResult c, Figure f, Stat a, Stat b, double threshold, boolean sat) {
        double pct = pct(a.mean(), b.mean());
        double worse = f.higherIsBetter() ? a.mean() - b.mean() : b.mean() - a.mean();
        // two standard errors of the difference of the means
        double noise = a.n() > 1 && b.n() > 1
                ? 2 * Math.sqrt(a.stddev() * a.stddev() / a.n() + b.stddev() * b.stddev() / b.n())
                : 0;
        boolean regression = worse > 0 && Math.abs(pct) > threshold && worse > noise;
        return new Change(c.id(), c.name(), f.label(), f.unit(), a.mean(), b.mean(), pct, regression, sat);
    }

    private static Change p99(
            CellResult c, String what, LatencySummary a, LatencySummary b, double threshold, boolean sat) {
        double pa = a.p99() / 1e3;
        double pb = b.p99() / 1e3;
        double pct = pct(pa, pb);
        return new Change(c.id(), c.name(), what, "ms", pa, pb, pct, pb > pa && pct > threshold, sat);
    }

    private static Change failures(CellResult ca, CellResult cb) {
        double ra = rate(ca);
        double rb = rate(cb);
        return new Change(ca.id(), ca.name(), "failure rate", "%", ra, rb, rb - ra, rb - ra > 1.0, flagged(ca, cb));
    }

    private static double rate(CellResult c) {
        double items = c.totals().get("items").mean();
        return items > 0 ? 100 * c.totals().get("failed").mean() / items : 0;
    }

    private static double pct(double a, double b) {
        return a == 0 ? (b == 0 ? 0 : 100) : (b - a) * 100 / a;
    }
}
