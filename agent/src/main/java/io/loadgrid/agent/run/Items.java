package io.loadgrid.agent.run;

import io.loadgrid.common.profile.NanoClock;
import java.util.Iterator;

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
        };
    }

    /** Consecutive batches of at most {@code size} items each; one batch holding all when size is 0. */
    default Iterator<Items> batches(long size) {
        return size <= 0 ? java.util.List.of(this).iterator() : new Batches(this, size);
    }
}
