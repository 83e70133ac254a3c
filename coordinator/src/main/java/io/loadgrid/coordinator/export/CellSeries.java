package io.loadgrid.coordinator.export;

import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Spread;
import io.loadgrid.coordinator.run.RunObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.HdrHistogram.Histogram;

/** One cell of a sweep: its progress and the series of every agent that ran it (by address, as users know agents). */
public final class CellSeries implements RunObserver {
    final RunLabels labels;
    private final Map<String, NodeSeries> nodes = new ConcurrentSkipListMap<>();
    private volatile int runsPlanned;
    private volatile int runsDone;
    private volatile long itemsPlanned;
    private volatile double wallSeconds;

    CellSeries(RunLabels labels) {
        this.labels = labels;
    }

    /** The cell (re)starts: a resumed cell plans and counts its runs afresh. */
    void plan(int runs, long items) {
        runsDone = 0;
        runsPlanned = runs;
        itemsPlanned = Math.max(0, items);
    }

    @Override
    public void snapshot(String address, NodeSnapshot s, Histogram interval) {
        nodes.computeIfAbsent(address, a -> new NodeSeries()).snapshot(s, interval);
    }

    @Override
    public void finished(RunResult result) {
        for (Spread.NodeResult n : result.spread().nodes()) {
            nodes.computeIfAbsent(n.address(), a -> new NodeSeries()).finish(n.result());
        }
        wallSeconds += result.rates().wallS();
        runsDone++;
    }

    /** Wall time of the finished runs, synchronized start to last item: requests over this is the cell's throughput. */
    double wallSeconds() {
        return wallSeconds;
    }

    @Override
    public void aborted() {
        nodes.values().forEach(NodeSeries::abort);
    }

    Map<String, NodeSeries> nodes() {
        return nodes;
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
