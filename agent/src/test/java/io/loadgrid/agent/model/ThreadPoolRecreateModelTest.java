package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;

/** Seed 002's "recreate" variant: a new pool for every batch of 16 items. */
class ThreadPoolRecreateModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Threads(ModelConfig.Threads.Pool.RECREATE);
    }

    @Override
    RunSpec variant(RunSpec s) {
        return s.withBatch(16);
    }
}
