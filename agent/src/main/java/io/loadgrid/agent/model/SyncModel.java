package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.task.ItemTask;
import io.loadgrid.common.profile.Pacer;

/** Seed 000's sync.py: {@code for url in urls: requests.get(url)}. One thread, one request at a time. */
public final class SyncModel implements Model {
    private final ItemTask task;

    public SyncModel(RunSetup setup) {
        this.task = setup.tasks().blocking(1);
    }

    @Override
    public void drive(Items items, Pacer pacer) throws InterruptedException {
        Senders.drain(items, pacer, 0, task);
    }
}
