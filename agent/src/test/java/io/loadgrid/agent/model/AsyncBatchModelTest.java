package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelName;
import io.loadgrid.common.plan.RunSpec;

/** Seed 004's batching: the async model awaiting every batch of 16 items before the next. */
class AsyncBatchModelTest extends ModelContract {
    @Override
    ModelName model() {
        return ModelName.ASYNC;
    }

    @Override
    RunSpec variant(RunSpec s) {
        return s.withBatch(16, s.pool());
    }
}
