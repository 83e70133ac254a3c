package io.loadgrid.agent.metrics;

/**
 * Told when the measured part of a run begins (the start instant) and ends (its last item completed), so that figures
 * divided by time, such as CPU %, cover exactly the window the latencies and throughput do.
 */
public interface MeasuredWindow {
    MeasuredWindow NONE = new MeasuredWindow() {
        @Override
        public void opened() {}

        @Override
        public void closed() {}
    };

    void opened();

    void closed();
}
