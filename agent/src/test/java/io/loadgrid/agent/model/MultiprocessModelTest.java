package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;

class MultiprocessModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Multiprocess(2);
    }
}
