package io.loadgrid.agent.feed;

import java.util.Iterator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Seed 002/004's batches: consecutive groups of at most {@code size} items, each finished before the next starts. */
final class Batches implements Iterator<Items> {
    private final Items items;
    private final long size;
    private final AtomicBoolean drained = new AtomicBoolean();
    /** The places left in the latest batch; null before the first. */
    private AtomicLong lastLeft;

    Batches(Items items, long size) {
        this.items = items;
        this.size = size;
    }

    @Override
    public boolean hasNext() {
        // a batch that nobody asked for an item ends them too: under a closed shape whose slots never open again
        // every sender leaves without taking one, and a next batch would find the same
        return !drained.get() && (lastLeft == null || lastLeft.get() < size);
    }

    @Override
    public Items next() {
        AtomicLong left = new AtomicLong(size);
        lastLeft = left;
        return new Items() {
            @Override
            public long next() {
                // reserve a place in the batch first, so concurrent senders never overfill it
                if (left.getAndDecrement() <= 0) {
                    return DONE;
                }
                long i = items.next();
                if (i == LATER) {
                    left.incrementAndGet();
                } else if (i == DONE) {
                    drained.set(true);
                }
                return i;
            }

            @Override
            public void stop() {
                items.stop();
            }

            @Override
            public boolean stopped() {
                return items.stopped();
            }
        };
    }
}
