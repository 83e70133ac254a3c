package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;

class AsyncModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Async();
    }
}
