package io.loadgrid.common.plan;

/**
 * How big a chunk is when the user does not say. Small enough that every agent leases many (a faster agent takes
 * more, a lost one costs little), big enough that leasing and committing stay a rounding error beside the load.
 */
public final class ChunkSizes {
    static final int CHUNKS_PER_AGENT = 32;
    static final long SMALLEST = 100;
    static final long LARGEST = 50_000;
    /** Chunks a sender holds at once: the one it runs and the next, so that it never waits for a lease. */
    public static final int HELD_PER_SENDER = 2;

    private ChunkSizes() {}

    /**
     * For {@code items} items (-1: a timed closed loop) on {@code agents} agents, each with {@code senders} sending
     * processes and {@code concurrency} in flight. However small the run, every sender gets chunks to start with
     * (as many as it holds at once): otherwise a multiprocess agent would run a short run on one worker.
     */
    public static long choose(long items, int agents, int senders, int concurrency) {
        long floor = Math.max(SMALLEST, concurrency);
        if (items < 0) {
            return Math.min(LARGEST, Math.max(1000, 4L * concurrency));
        }
        long even = (items + (long) agents * CHUNKS_PER_AGENT - 1) / ((long) agents * CHUNKS_PER_AGENT);
        long held = (long) agents * senders * HELD_PER_SENDER;
        long everySender = (items + held - 1) / held;
        return Math.max(1, Math.min(LARGEST, Math.min(everySender, Math.max(floor, even))));
    }
}
