package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;

class HybridModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Hybrid(2);
    }
}
