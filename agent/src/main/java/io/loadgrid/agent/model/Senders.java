package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.task.ItemTask;
import io.loadgrid.common.profile.Pacer;

/** Every blocking sender's loop: wait until its lane is open, take the next item, wait for its slot, send it. */
final class Senders {
    private Senders() {}

    static Void drain(Items items, Pacer pacer, int lane, ItemTask task) throws InterruptedException {
        while (items.awaitLane(pacer, lane)) {
            long i = items.take();
            if (i < 0) {
                break;
            }
            long intended = items.awaitSlot(pacer, i);
            if (intended < 0) {
                break;
            }
            task.run(i, intended);
        }
        return null;
    }
}
