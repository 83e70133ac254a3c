package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelName;

class SyncModelTest extends ModelContract {
    @Override
    ModelName model() {
        return ModelName.SYNC;
    }
}
