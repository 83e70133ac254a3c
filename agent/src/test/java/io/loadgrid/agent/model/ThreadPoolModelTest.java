package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;

class ThreadPoolModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Threads(ModelConfig.Threads.Pool.REUSE);
    }
}
