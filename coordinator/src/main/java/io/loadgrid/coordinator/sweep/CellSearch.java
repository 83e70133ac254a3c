package io.loadgrid.coordinator.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.SloVerdict;
import io.loadgrid.common.slo.Objectives;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.run.Phase;
import io.loadgrid.coordinator.run.RunObserver;
import io.loadgrid.coordinator.search.RateSearch;
import io.loadgrid.coordinator.sweep.plan.Cell;
import io.loadgrid.coordinator.sweep.plan.SearchSpec;
import io.loadgrid.report.results.Saturation;
import io.loadgrid.report.results.SaturationCheck;
import io.loadgrid.report.results.SearchResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/**
 * Puts one cell through its plan's rate search: each rate {@link RateSearch} proposes is one paced run of the search's
 * step, judged on the cluster's merged figures; the confirm run at the best rate is the cell's kept run.
 */
final class CellSearch {
    /**
     * The share of the rate asked a step must complete, per second of its wall time, to have kept it. Not the 90%
     * that flags a paced run as short (SaturationCheck): a cell 10% short of a rate queues for the whole step and
     * still meets a loose p99 in 2 s, which would report a best rate 10% above what it sustains; 95% holds it within
     * the search's own 5%, and the wall time's tail (the last responses' latency: 2% of a 2 s step at 40 ms) fits.
     */
    static final double KEPT_SHARE = 0.95;

    private final CellRunner runner;
    private final boolean local;
    private boolean finished;

    CellSearch(CellRunner runner, boolean local) {
        this.runner = runner;
        this.local = local;
    }

    /**
     * What was found, and the run at the best rate in {@code runs} (nothing when no rate met the objectives; the
     * interrupted run alone when Ctrl-C stopped it). {@code cell} carries the objectives the search judges.
     */
    SearchResult run(
            Cell cell, RunRequest options, SearchSpec spec, String position, List<RunResult> runs, RunObserver observer)
            throws Exception {
        RateSearch search = new RateSearch(spec.from(), spec.to(), spec.precision());
        Objectives slo = cell.slo();
        List<SearchResult.Step> steps = new ArrayList<>();
        Map<Double, RunResult> metAt = new HashMap<>();
        for (OptionalDouble next = search.next(); next.isPresent() && !runner.stopAsked(); next = search.next()) {
            double rate = next.getAsDouble();
            boolean confirm = search.confirming();
            RunResult r = runner.once(
                    cell,
                    options.paced(rate, spec.step()),
                    observer.in(Phase.SEARCH),
                    position,
                    (confirm ? "confirm " : "search ") + fmt(rate) + "/s",
                    false);
            List<SloVerdict> verdicts = slo.judge(List.of(r));
            // a rate holds when its objectives are met and it was kept: a queue that grows for a whole step is not a
            // rate the cell sustains, however short the step was for its latencies to show it
            boolean kept = r.rates().itemsPerS() >= KEPT_SHARE * rate;
            if (r.wasInterrupted()) {
                // an interrupted run says nothing of its rate; the cell is redone on resume
                runs.add(r);
                finished = false;
                return result(spec, slo, search, steps);
            }
            boolean met = Objectives.allMet(verdicts) && kept;
            search.record(rate, met);
            Saturation sat = SaturationCheck.of(List.of(r), local);
            steps.add(new SearchResult.Step(
                    rate,
                    met,
                    confirm,
                    r.rates().reqPerS(),
                    r.latency().latencyUs().p99() / 1e3,
                    verdicts.stream().map(SloVerdict::says).collect(Collectors.joining("; "))
                            + (kept
                                    ? ""
                                    : String.format(
                                            "; kept %.0f of the %s items/s",
                                            r.rates().itemsPerS(), fmt(rate))),
                    sat.saturated() ? sat.summary() : null,
                    inFlightBound(r)));
            if (met) {
                metAt.put(rate, r); // a confirm replaces the first run at its rate
            }
        }
        if (!Double.isNaN(search.best()) && metAt.containsKey(search.best())) {
            runs.add(metAt.get(search.best()));
        }
        finished = search.next().isEmpty();
        return result(spec, slo, search, steps);
    }

    private static SearchResult result(
            SearchSpec spec, Objectives slo, RateSearch search, List<SearchResult.Step> steps) {
        double best = search.best();
        double failedAt = search.failedAt();
        return new SearchResult(
                slo.text(),
                spec.from(),
                spec.to(),
                Double.isNaN(best) ? null : best,
                search.confirmed(),
                search.atTop(),
                Double.isNaN(failedAt) ? null : failedAt,
                spec.precision(),
                steps);
    }

    /** Whether the last search ran to its end (not stopped by Ctrl-C or an interrupted run). */
    boolean finished() {
        return finished;
    }

    /** The most a run's requests in flight answer a second: all of them, over its mean response time. */
    private static double inFlightBound(RunResult r) {
        double meanS = r.latency().latencyUncorrectedUs().mean() / 1e6;
        int agents = r.spread().nodes() == null ? 1 : r.spread().nodes().size();
        return meanS <= 0 ? 0 : r.concurrency() * (double) agents / meanS;
    }

    static String fmt(double rate) {
        return rate == Math.rint(rate) ? String.format("%,d", (long) rate) : String.format("%,.2f", rate);
    }
}
