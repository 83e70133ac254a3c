package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelName;

class VirtualThreadModelTest extends ModelContract {
    @Override
    ModelName model() {
        return ModelName.VIRTUAL;
    }
}
