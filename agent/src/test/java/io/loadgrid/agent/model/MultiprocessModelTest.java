package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelName;

class MultiprocessModelTest extends ModelContract {
    @Override
    ModelName model() {
        return ModelName.MULTIPROCESS;
    }
}
