package io.loadgrid.common.plan;

/**
 * A set of item indices leased to one node: items {@code first + j * stride} for j in [0, count). Contiguous
 * (stride 1) for a closed loop; with a rate, a chunk is one lane's share of a stretch of the schedule.
 */
public record Chunk(long id, long first, long stride, long count) {
    /** The j-th item of this chunk. */
    public long item(long j) {
        return first + j * stride;
    }
}
