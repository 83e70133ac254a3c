package io.loadgrid.agent.feed;

import io.loadgrid.common.profile.NanoClock;
import io.loadgrid.common.profile.Pacer;
import java.util.Iterator;
import java.util.function.IntSupplier;

/**
 * Hands out item indices to any number of senders, lock-free where it can. Nothing is materialised: a million items
 * are one counter. A source fed from the cluster may have nothing right now but more later ({@link #LATER}).
 */
public interface Items {
    /** No item left, ever. */
    long DONE = -1;
    /** No item right now; ask again shortly (chunks are on their way, or others may hand some back). */
    long LATER = -2;

    /** The next item index, {@link #DONE} or {@link #LATER}. */
    long next();

    /** Hands out nothing more; items already taken still complete and count. */
    void stop();

    /** True once stopped: an item taken but still waiting for its slot is then not sent. */
    boolean stopped();

    /**
     * For blocking senders: waits for item {@code index}'s slot in slices, so a stop is seen within 50 ms even when the
     * slot is far ahead. Returns the intended start, or -1 when stopped first (the item is then not sent).
     */
    default long awaitSlot(Pacer pacer, long index) throws InterruptedException {
        long intended = pacer.intendedStart(index);
        for (long wait = pacer.nanosUntil(intended); wait > 0; wait = pacer.nanosUntil(intended)) {
            if (stopped()) {
                return -1;
            }
            pacer.clock().sleepNanos(Math.min(wait, 50_000_000L));
        }
        return intended;
    }

    /**
     * For blocking senders under a closed shape: waits, in the same slices, until the lane {@code lane} names is open;
     * the lane is asked again each slice (a virtual-thread sender's lane is how many are in flight). False when stopped
     * first or when the shape never opens the lane again: the sender is then done.
     */
    default boolean awaitLane(Pacer pacer, IntSupplier lane) throws InterruptedException {
        if (!pacer.gated()) {
            return true;
        }
        for (long at = pacer.laneOpens(lane.getAsInt()); at >= 0; at = pacer.laneOpens(lane.getAsInt())) {
            long wait = pacer.nanosUntil(at);
            if (wait == 0) {
                return true;
            }
            if (stopped()) {
                return false;
            }
            pacer.clock().sleepNanos(Math.min(wait, 50_000_000L));
        }
        return false;
    }

    /** For blocking senders: the next item index or {@link #DONE}, waiting out {@link #LATER}. */
    default long take() throws InterruptedException {
        for (long i = next(); ; i = next()) {
            if (i != LATER) {
                return i;
            }
            Thread.sleep(1);
        }
    }

    /** These items until {@code deadlineNanos}; stopping either stops both. */
    default Items until(long deadlineNanos, NanoClock clock) {
        Items parent = this;
        return new Items() {
            @Override
            public long next() {
                return clock.nanoTime() >= deadlineNanos ? DONE : parent.next();
            }

            @Override
            public void stop() {
                parent.stop();
            }

            @Override
            public boolean stopped() {
                return parent.stopped();
            }
        };
    }

    /** Consecutive batches of at most {@code size} items each; one batch holding all when size is 0. */
    default Iterator<Items> batches(long size) {
        return size <= 0 ? java.util.List.of(this).iterator() : new Batches(this, size);
    }
}
