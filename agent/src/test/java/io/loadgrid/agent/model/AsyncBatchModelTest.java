package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;

/** Seed 004's batching: the async model awaiting every batch of 16 items before the next. */
class AsyncBatchModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Async();
    }

    @Override
    RunSpec variant(RunSpec s) {
        return s.withBatch(16);
    }
}
