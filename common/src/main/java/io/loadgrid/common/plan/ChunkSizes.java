package io.loadgrid.common.plan;

/**
 * How big a chunk is when the user does not say. Small enough that every agent leases many (a faster agent takes
 * more, a lost one costs little), big enough that leasing and committing stay a rounding error beside the load.
 */
public final class ChunkSizes {
    static final int CHUNKS_PER_AGENT = 32;
    static final long SMALLEST = 100;
    static final long LARGEST = 50_000;

    private ChunkSizes() {
    }

    /** For {@code items} items (-1: a timed closed loop) on {@code agents} agents with {@code concurrency} in flight each. */
    public static long choose(long items, int agents, int concurrency) {
        long floor = Math.max(SMALLEST, concurrency);
        if (items < 0) {
            return Math.min(LARGEST, Math.max(1000, 4L * concurrency));
        }
        long even = (items + (long) agents * CHUNKS_PER_AGENT - 1) / ((long) agents * CHUNKS_PER_AGENT);
        return Math.max(1, Math.min(LARGEST, Math.min(items, Math.max(floor, even))));
    }
}
