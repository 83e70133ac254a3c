package io.loadgrid.coordinator.session;

import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.Workload;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.target.EmbeddedTarget;
import io.loadgrid.coordinator.target.Preflight;
import java.io.IOException;

/**
 * The embedded target of a session, kept across runs and restarted only when a run asks for another emulated
 * latency, so that every run of a latency meets the same warm target.
 */
final class Targets implements AutoCloseable {
    private EmbeddedTarget embedded;
    private double latencyMs = -1;

    Resolved resolve(RunRequest run) throws IOException {
        RunSpec spec = run.spec();
        if (run.embeddedTarget()) {
            spec = onBase(spec, embedded(run.targetLatencyMs()).base());
        }
        if (!(spec.workload() instanceof Workload.Http http)) {
            return new Resolved(spec, "none (CPU-bound)");
        }
        String target = http.urls().base();
        Preflight.reachable(target);
        return new Resolved(spec, target);
    }

    /** Starts the embedded target the first run will ask for, without waiting: it comes up while the rest does. */
    void launch(double latency) throws IOException {
        embedded = EmbeddedTarget.launch(latency);
        latencyMs = latency;
    }

    private EmbeddedTarget embedded(double latency) throws IOException {
        if (embedded != null && latency != latencyMs) {
            embedded.close();
            embedded = null;
        }
        if (embedded == null) {
            embedded = EmbeddedTarget.launch(latency);
            latencyMs = latency;
        }
        return embedded.awaitReady();
    }

    private static RunSpec onBase(RunSpec spec, String base) {
        Workload.Http http = (Workload.Http) spec.workload();
        return spec.withWorkload(new Workload.Http(http.name(), new SeedStream(base), http.statusFails()));
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
