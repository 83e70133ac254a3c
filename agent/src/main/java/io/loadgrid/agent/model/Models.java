package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;

/** The one place that maps a model's configuration to its class; the switch is exhaustive over the sealed variants. */
public final class Models {
    private Models() {}

    public static Model create(RunSetup setup) {
        return switch (setup.spec().model()) {
            case ModelConfig.Sync s -> new SyncModel(setup);
            case ModelConfig.Threads t -> new ThreadPoolModel(setup, t.pool());
            case ModelConfig.Virtual v -> new VirtualThreadModel(setup);
            case ModelConfig.Async a -> new AsyncModel(setup);
            case ModelConfig.Hybrid h -> new HybridModel(setup, h.threads());
            case ModelConfig.Multiprocess m -> new MultiprocessModel(setup, m.processes());
        };
    }
}
