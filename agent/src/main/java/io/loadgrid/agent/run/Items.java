package io.loadgrid.agent.run;

import io.loadgrid.common.plan.Slice;
import io.loadgrid.common.profile.NanoClock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands out item indices to any number of senders, lock-free, until the slice or the deadline is exhausted.
 * Nothing is materialised: a million items are one counter.
 */
public final class Items {
    private final Slice slice;
    private final long from;
    private final long to;
    private final long deadline;
    private final NanoClock clock;
    private final AtomicLong next;
    /** Shared by a range and all its batches: once set, nothing more is handed out. */
    private final AtomicBoolean stopped;

    /** Positions [from, to) of the slice; to = Long.MAX_VALUE for an unbounded one. */
    Items(Slice slice, long from, long to, long deadline, NanoClock clock, AtomicBoolean stopped) {
        this.slice = slice;
        this.from = from;
        this.to = to;
        this.deadline = deadline;
        this.clock = clock;
        this.next = new AtomicLong(from);
        this.stopped = stopped;
    }

    public static Items of(Slice slice, long deadlineNanos, NanoClock clock) {
        return new Items(slice, 0, slice.bounded() ? slice.count() : Long.MAX_VALUE, deadlineNanos, clock, new AtomicBoolean());
    }

    /** The next item index, or -1 when there is none left. */
    public long next() {
        if (stopped.get()) {
            return -1;
        }
        if (deadline != Long.MAX_VALUE && clock.nanoTime() >= deadline) {
            return -1;
        }
        long k = next.getAndIncrement();
        return k < to ? slice.first() + k * slice.stride() : -1;
    }

    /** This range with a deadline; it shares the stop flag, so stopping either stops both. */
    public Items until(long deadlineNanos) {
        return new Items(slice, from, to, deadlineNanos, clock, stopped);
    }

    /** This range cut to the item indices below {@code limit}; it shares the stop flag. */
    public Items below(long limit) {
        long positions = Math.max(0, (limit - slice.first() + slice.stride() - 1) / slice.stride());
        return new Items(slice, from, Math.min(to, positions), deadline, clock, stopped);
    }

    /** Hands out nothing more; items already taken still complete and count. */
    public void stop() {
        stopped.set(true);
    }

    /** Consecutive batches of this range, each of at most {@code size} items; one batch holding all when size is 0. */
    public java.util.Iterator<Items> batches(long size) {
        return new java.util.Iterator<>() {
            private long start = from;

            @Override
            public boolean hasNext() {
                return !stopped.get() && start < to && (deadline == Long.MAX_VALUE || clock.nanoTime() < deadline);
            }

            @Override
            public Items next() {
                long end = size <= 0 ? to : Math.min(to, start + size);
                Items batch = new Items(slice, start, end, deadline, clock, stopped);
                start = end;
                return batch;
            }
        };
    }
}
