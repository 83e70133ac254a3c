package io.loadgrid.coordinator.run;

import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.RunResult;
import org.HdrHistogram.Histogram;

/**
 * Sees a run as it happens: each agent's live snapshot, then the merged result (the Prometheus export listens here).
 */
public interface RunObserver {
    RunObserver NONE = new RunObserver() {
        @Override
        public void snapshot(String address, NodeSnapshot s, Histogram interval) {}

        @Override
        public void finished(RunResult result) {}

        @Override
        public void aborted() {}
    };

    /** Both, in this order. */
    static RunObserver both(RunObserver first, RunObserver second) {
        return new RunObserver() {
            @Override
            public RunObserver in(Phase phase) {
                return both(first.in(phase), second.in(phase));
            }

            @Override
            public void snapshot(String address, NodeSnapshot s, Histogram interval) {
                first.snapshot(address, s, interval);
                second.snapshot(address, s, interval);
            }

            @Override
            public void finished(RunResult result) {
                first.finished(result);
                second.finished(result);
            }

            @Override
            public void aborted() {
                first.aborted();
                second.aborted();
            }
        };
    }

    /** The observer of this one's runs made in {@code phase}; the same one unless it tells phases apart. */
    default RunObserver in(Phase phase) {
        return this;
    }

    /** A snapshot of the agent at {@code address}, with the latencies of its interval already decoded. */
    void snapshot(String address, NodeSnapshot s, Histogram interval);

    /** The run's merged result: its per-node figures are final and exact. */
    void finished(RunResult result);

    /** The run ended without a result (it failed): its live figures are all there will be. */
    void aborted();
}
