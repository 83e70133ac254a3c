package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.task.AsyncItemTask;
import io.loadgrid.common.profile.Pacer;
import io.netty.channel.EventLoop;
import java.util.concurrent.TimeUnit;

/**
 * N requests in flight on one event loop: each lane starts its next item when its previous one completes, or when
 * the schedule says so. Everything here runs on the loop's thread, so plain fields suffice.
 */
final class Lanes {
    private final EventLoop loop;
    private final Items items;
    private final Pacer pacer;
    private final AsyncItemTask task;
    private final Runnable whenDone;
    private int active;

    Lanes(EventLoop loop, Items items, Pacer pacer, AsyncItemTask task, Runnable whenDone) {
        this.loop = loop;
        this.items = items;
        this.pacer = pacer;
        this.task = task;
        this.whenDone = whenDone;
    }

    void start(int lanes) {
        active = lanes;
        if (lanes == 0) {
            whenDone.run();
        }
        for (int i = 0; i < lanes; i++) {
            pump();
        }
    }

    /**
     * Waits for the slot on the loop's own scheduler, to the nanosecond, as blocking senders park for it: every model
     * paces alike. A request never leaves before its slot.
     */
    private void sendAtSlot(long index, long intended, long wait) {
        loop.schedule(
                () -> {
                    long more = pacer.nanosUntil(intended);
                    if (items.stopped()) {
                        // stopped while this item waited for its slot: it is not sent, and the lane ends
                        pump();
                    } else if (more > 0) {
                        sendAtSlot(index, intended, more);
                    } else if (task.start(index, intended, this::pump)) {
                        pump();
                    }
                },
                wait,
                TimeUnit.NANOSECONDS);
    }

    /** Runs items back to back while they complete inline (CPU work), so a million of them do not recurse. */
    private void pump() {
        while (true) {
            long index = items.next();
            if (index == Items.LATER) {
                // the next chunk is on its way: never block the loop, look again shortly
                loop.schedule(this::pump, 1, TimeUnit.MILLISECONDS);
                return;
            }
            if (index < 0) {
                if (--active == 0) {
                    whenDone.run();
                }
                return;
            }
            long intended = pacer.intendedStart(index);
            long wait = pacer.nanosUntil(intended);
            if (wait > 0) {
                sendAtSlot(index, intended, wait);
                return;
            }
            if (!task.start(index, intended, this::pump)) {
                return;
            }
        }
    }
}
