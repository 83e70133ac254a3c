package io.loadgrid.coordinator.export;

import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.coordinator.run.Phase;
import io.loadgrid.coordinator.run.RunObserver;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One cell of a sweep: its progress and, per phase, the series of every agent that ran it. Observed as is, its runs
 * are steady ones; {@link #in} gives the observer of its warm-ups and search steps.
 */
public final class CellSeries implements RunObserver {
    final RunLabels labels;
    private final Map<Phase, PhaseSeries> phases = new EnumMap<>(Phase.class);
    private volatile int runsPlanned;
    private volatile int runsDone;
    private volatile long itemsPlanned;

    CellSeries(RunLabels labels) {
        this.labels = labels;
        for (Phase p : Phase.values()) {
            phases.put(p, new PhaseSeries(() -> runsDone++));
        }
    }

    /** The cell (re)starts: a resumed cell plans and counts its runs afresh. */
    void plan(int runs, long items) {
        runsDone = 0;
        runsPlanned = runs;
        itemsPlanned = Math.max(0, items);
    }

    @Override
    public RunObserver in(Phase phase) {
        return phases.get(phase);
    }

    @Override
    public void snapshot(String address, NodeSnapshot s, Histogram interval) {
        phases.get(Phase.STEADY).snapshot(address, s, interval);
    }

    @Override
    public void finished(RunResult result) {
        phases.get(Phase.STEADY).finished(result);
    }

    @Override
    public void aborted() {
        phases.get(Phase.STEADY).aborted();
    }

    /** Every phase, in the order of {@link Phase}. */
    Map<Phase, PhaseSeries> phases() {
        return phases;
    }

    int runsPlanned() {
        return runsPlanned;
    }

    int runsDone() {
        return runsDone;
    }

    long itemsPlanned() {
        return itemsPlanned;
    }
}
