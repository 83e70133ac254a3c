package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelName;
import io.loadgrid.common.plan.PoolMode;
import io.loadgrid.common.plan.RunSpec;

/** Seed 002's "recreate" variant: a new pool for every batch of 16 items. */
class ThreadPoolRecreateModelTest extends ModelContract {
    @Override
    ModelName model() {
        return ModelName.THREADS;
    }

    @Override
    RunSpec variant(RunSpec s) {
        return s.withBatch(16, PoolMode.RECREATE);
    }
}
