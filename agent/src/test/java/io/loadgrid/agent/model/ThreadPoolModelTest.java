package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelName;

class ThreadPoolModelTest extends ModelContract {
    @Override
    ModelName model() {
        return ModelName.THREADS;
    }
}
