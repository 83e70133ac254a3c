package io.loadgrid.coordinator.export;

import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Spread;
import io.loadgrid.coordinator.run.RunObserver;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.HdrHistogram.Histogram;

/** A cell's runs of one phase: every agent's series (by address, as users know agents) and their wall time. */
final class PhaseSeries implements RunObserver {
    private final Map<String, NodeSeries> nodes = new ConcurrentSkipListMap<>();
    private final Runnable onFinished;
    private volatile double wallSeconds;
    private volatile boolean observed;

    /** {@code onFinished} hears of every run of the phase that ended with a result. */
    PhaseSeries(Runnable onFinished) {
        this.onFinished = onFinished;
    }

    @Override
    public void snapshot(String address, NodeSnapshot s, Histogram interval) {
        observed = true;
        nodes.computeIfAbsent(address, a -> new NodeSeries()).snapshot(s, interval);
    }

    @Override
    public void finished(RunResult result) {
        observed = true;
        for (Spread.NodeResult n : result.spread().nodes()) {
            nodes.computeIfAbsent(n.address(), a -> new NodeSeries()).finish(n.result());
        }
        wallSeconds += result.rates().wallS();
        onFinished.run();
    }

    @Override
    public void aborted() {
        nodes.values().forEach(NodeSeries::abort);
    }

    /** Wall time of the finished runs, synchronized start to last item: requests over this is the throughput. */
    double wallSeconds() {
        return wallSeconds;
    }

    /** Whether a run of this phase was seen at all. */
    boolean observed() {
        return observed;
    }

    Map<String, NodeSeries> nodes() {
        return nodes;
    }
}
