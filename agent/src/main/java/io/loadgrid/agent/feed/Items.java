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
     * For blocking senders under a closed shape: waits, in the same slices, until lane {@code lane} is open. False when
     * stopped first or when the shape never opens the lane again: the sender is then done.
     */
    default boolean awaitLane(Pacer pacer, int lane) throws InterruptedException {
        if (!pacer.gated()) {
            return true;
        }
        for (long at = pacer.laneOpens(lane); at >= 0; at = pacer.laneOpens(lane)) {
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

    /**
     * For one dispatcher of many senders under a closed shape (virtual threads): waits until the items in flight are
     * fewer than the shape's level, that is until the slot they would fill is open. Either time opens it or an item
     * completing does, so it looks again every millisecond rather than sleeping until that slot opens. False when
     * stopped first, or when nothing is in flight and the shape never opens its first slot again.
     */
    default boolean awaitFewerInFlight(Pacer pacer, IntSupplier inFlight) throws InterruptedException {
        if (!pacer.gated()) {
            return true;
        }
        while (true) {
            int n = inFlight.getAsInt();
            long at = pacer.laneOpens(n);
            if (at >= 0 && pacer.nanosUntil(at) == 0) {
                return true;
            }
            if ((at < 0 && n == 0) || stopped()) {
                return false;
            }
            pacer.clock().sleepNanos(at < 0 ? 1_000_000L : Math.min(pacer.nanosUntil(at), 1_000_000L));
        }
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
