package io.loadgrid.agent.model;

import io.loadgrid.common.plan.ModelConfig;

class SyncModelTest extends ModelContract {
    @Override
    ModelConfig model() {
        return new ModelConfig.Sync();
    }
}
