package io.loadgrid.agent.run;

import io.loadgrid.common.plan.Slice;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The items of a slice, handed out lock-free by one counter. */
public final class RangeItems implements Items {
    private final Slice slice;
    private final long to;
    private final AtomicLong next = new AtomicLong();
    private final AtomicBoolean stopped = new AtomicBoolean();

    /** Positions [0, to) of the slice; to = Long.MAX_VALUE for an unbounded one. */
    private RangeItems(Slice slice, long to) {
        this.slice = slice;
        this.to = to;
    }

    public static RangeItems of(Slice slice) {
        return new RangeItems(slice, slice.bounded() ? slice.count() : Long.MAX_VALUE);
    }

    /** The items of {@code slice} whose index is below {@code limit}. */
    public static RangeItems below(Slice slice, long limit) {
        long positions = Math.max(0, (limit - slice.first() + slice.stride() - 1) / slice.stride());
        return new RangeItems(slice, slice.bounded() ? Math.min(slice.count(), positions) : positions);
    }

    @Override
    public long next() {
        if (stopped.get()) {
            return DONE;
        }
        long k = next.getAndIncrement();
        return k < to ? slice.first() + k * slice.stride() : DONE;
    }

    @Override
    public void stop() {
        stopped.set(true);
    }

    @Override
    public boolean stopped() {
        return stopped.get();
    }
}
