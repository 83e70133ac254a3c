package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelName;

class AsyncModelTest extends ModelContract {
    @Override
    ModelName model() {
        return ModelName.ASYNC;
    }
}
