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
    /** Each lane's own continuation, made once: a lane is a slot that a closed shape opens and closes. */
    private Runnable[] pumps;
    /** Set by {@link #laneOpen}: when a lane that found nothing looks again, and whether it never will. */
    private long retryNanos;

    private boolean shut;

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
        pumps = new Runnable[lanes];
        for (int i = 0; i < lanes; i++) {
            int lane = i;
            pumps[i] = () -> pump(lane);
        }
        for (Runnable p : pumps) {
            p.run();
        }
    }

    /**
     * Waits for the slot on the loop's own scheduler, to the nanosecond, as blocking senders park for it: every model
     * paces alike. A request never leaves before its slot.
     */
    private void sendAtSlot(int lane, long index, long intended, long wait) {
        loop.schedule(
                () -> {
                    long more = pacer.nanosUntil(intended);
                    if (items.stopped()) {
                        // stopped while this item waited for its slot: it is not sent, and the lane ends
                        pump(lane);
                    } else if (more > 0) {
                        sendAtSlot(lane, index, intended, more);
                    } else if (task.start(index, intended, pumps[lane])) {
                        pump(lane);
                    }
                },
                wait,
                TimeUnit.NANOSECONDS);
    }

    /** Runs items back to back while they complete inline (CPU work), so a million of them do not recurse. */
    private void pump(int lane) {
        while (true) {
            long index = laneOpen(lane) ? items.next() : Items.LATER;
            if (index == Items.LATER) {
                if (!shut) {
                    // the next chunk is on its way, or the lane opens later: never block the loop, look again then
                    loop.schedule(pumps[lane], retryNanos, TimeUnit.NANOSECONDS);
                    return;
                }
                index = Items.DONE;
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
                sendAtSlot(lane, index, intended, wait);
                return;
            }
            if (!task.start(index, intended, pumps[lane])) {
                return;
            }
        }
    }

    /**
     * Whether {@code lane} may take an item now. When not, sets when to look again (at most 50 ms on, so that a stop
     * is seen), or marks it shut when the shape never opens it again or the items were stopped.
     */
    private boolean laneOpen(int lane) {
        retryNanos = 1_000_000;
        shut = false;
        if (!pacer.gated()) {
            return true;
        }
        long at = pacer.laneOpens(lane);
        long wait = at < 0 ? 0 : pacer.nanosUntil(at);
        if (wait == 0 && at >= 0) {
            return true;
        }
        shut = at < 0 || items.stopped();
        retryNanos = Math.min(wait, 50_000_000L);
        return false;
    }
}
