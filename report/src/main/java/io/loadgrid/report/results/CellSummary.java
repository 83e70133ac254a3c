package io.loadgrid.report.results;

import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.SloVerdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.HdrHistogram.Histogram;

/** Adds a cell's repetitions up: mean and stddev of every figure, one merged latency histogram, saturation. */
public final class CellSummary {
    private CellSummary() {}

    public static CellResult of(CellIdentity cell, String status, String error, List<RunResult> runs, boolean local) {
        return of(cell, status, error, runs, local, null);
    }

    /** A searched cell: {@code runs} are its confirm run, {@code search} how it was found. */
    public static CellResult of(
            CellIdentity cell, String status, String error, List<RunResult> runs, boolean local, SearchResult search) {
        Map<String, Stat> totals = new LinkedHashMap<>();
        for (Figure f : Figure.ALL) {
            List<Double> values = new ArrayList<>();
            runs.forEach(r -> values.add(f.value().applyAsDouble(r)));
            totals.put(f.key(), Stat.of(values));
        }
        return new CellResult(
                cell.id(),
                cell.name(),
                cell.group(),
                cell.params(),
                status,
                error,
                List.copyOf(runs),
                totals,
                merged(runs, r -> r.latency().latencyHistogram()),
                merged(runs, r -> r.latency().latencyUncorrectedHistogram()),
                merged(runs, r -> r.latency().scheduleLagHistogram()),
                SaturationCheck.of(runs, local),
                verdicts(cell, status, error, runs, search),
                search);
    }

    /** Its objectives judged on every repetition together; unjudged (so unmet) when it stopped before its end. */
    private static List<SloVerdict> verdicts(
            CellIdentity cell, String status, String error, List<RunResult> runs, SearchResult search) {
        if (cell.slo().isEmpty() || "pending".equals(status)) {
            return null;
        }
        if ("done".equals(status) && search != null && search.bestRate() == null) {
            String why = "no rate from " + search.from() + " items/s up met it";
            return cell.slo().all().stream()
                    .map(s -> new SloVerdict(s.text(), false, null, why))
                    .toList();
        }
        return "done".equals(status)
                ? cell.slo().judge(runs)
                : cell.slo().notJudged("the cell " + status + (error == null ? "" : " (" + error + ")"));
    }

    /** A cell not run yet (or to be run again on resume). */
    public static CellResult pending(CellIdentity cell) {
        return of(cell, "pending", null, List.of(), false);
    }

    /** Percentiles over every repetition's items: the histograms are added, never the percentiles averaged. */
    static LatencySummary merged(List<RunResult> runs, Function<RunResult, String> histogram) {
        return LatencySummary.of(histogram(runs, histogram));
    }

    /** The repetitions' histograms added into one (a run written without its histogram adds nothing). */
    static Histogram histogram(List<RunResult> runs, Function<RunResult, String> histogram) {
        Histogram all = Histograms.newLatency();
        for (RunResult r : runs) {
            if (histogram.apply(r) != null) {
                all.add(Histograms.decode(histogram.apply(r)));
            }
        }
        return all;
    }
}
