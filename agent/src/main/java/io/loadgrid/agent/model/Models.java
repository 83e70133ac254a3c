package io.loadgrid.agent.model;

import io.loadgrid.agent.run.RunSetup;

/** The one place that maps a model name to its class. */
public final class Models {
    private Models() {
    }

    public static Model create(RunSetup setup) {
        return switch (setup.spec().model()) {
            case SYNC -> new SyncModel(setup);
            case THREADS -> new ThreadPoolModel(setup);
            case VIRTUAL -> new VirtualThreadModel(setup);
            case ASYNC -> new AsyncModel(setup);
            case HYBRID -> new HybridModel(setup);
            case MULTIPROCESS -> new MultiprocessModel(setup);
        };
    }
}
