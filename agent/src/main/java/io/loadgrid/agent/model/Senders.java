package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.task.ItemTask;
import io.loadgrid.common.profile.Pacer;

/** The loop every blocking sender runs: take the next item, wait for its slot, send it. */
final class Senders {
    private Senders() {}

    static Void drain(Items items, Pacer pacer, ItemTask task) throws InterruptedException {
        for (long i = items.take(); i >= 0; i = items.take()) {
            long intended = items.awaitSlot(pacer, i);
            if (intended < 0) {
                break;
            }
            task.run(i, intended);
        }
        return null;
    }
}
