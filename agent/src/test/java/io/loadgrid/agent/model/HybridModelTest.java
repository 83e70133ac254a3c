package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelName;

class HybridModelTest extends ModelContract {
    @Override
    ModelName model() {
        return ModelName.HYBRID;
    }
}
