package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;

class VirtualThreadModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Virtual();
    }
}
