package io.loadgrid.report.results;

import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.SloVerdict;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A cell's measured repetitions and what they add up to.
 *
 * @param status     "done" (every repetition ran), "interrupted" (stopped by the user: redone on resume), "failed"
 * @param runs       each measured repetition, with its per-node results; warm-ups are not kept
 * @param totals     mean and stddev over the repetitions of each scalar figure, keyed as in results.csv
 * @param latencyUs  percentiles of the repetitions' latency histograms merged into one (never averaged); likewise
 *                   the uncorrected latency and the schedule lag (null in results written before they were kept)
 * @param slo        the verdicts of its objectives on its repetitions together, null when it was held to none or
 *                   did not run to its end
 * @param search     in a search plan, what the cell's rate search found (its runs: the confirm run), else null
 */
public record CellResult(
        String id,
        String name,
        String group,
        Map<String, Object> parameters,
        String status,
        String error,
        List<RunResult> runs,
        Map<String, Stat> totals,
        LatencySummary latencyUs,
        LatencySummary latencyUncorrectedUs,
        LatencySummary scheduleLagUs,
        Saturation saturation,
        List<SloVerdict> slo,
        SearchResult search) {

    /** The latency histogram of every measured repetition merged: what {@code latencyUs} summarises. */
    public Histogram latencyHistogram() {
        return CellSummary.histogram(
                runs == null ? List.of() : runs, r -> r.latency().latencyHistogram());
    }

    public boolean done() {
        return "done".equals(status);
    }

    /** Bounded by time or paced by a rate: its execution time is set, so throughput is what tells cells apart. */
    public boolean paced() {
        return parameters.containsKey("duration") || parameters.containsKey("rate");
    }

    /** Paced by a rate: only then do the corrected and the uncorrected latency tell different things. */
    public boolean rated() {
        return parameters.containsKey("rate");
    }

    /** Whether {@code other} are the same parameters, whatever their order and number types after a JSON round trip. */
    public boolean sameParameters(Map<String, Object> other) {
        return normal(parameters).equals(normal(other));
    }

    private static Map<String, String> normal(Map<String, Object> p) {
        Map<String, String> out = new java.util.TreeMap<>();
        p.forEach((k, v) -> out.put(
                k,
                v instanceof Number n
                        ? new java.math.BigDecimal(n.toString())
                                .stripTrailingZeros()
                                .toPlainString()
                        : String.valueOf(v)));
        return out;
    }
}
