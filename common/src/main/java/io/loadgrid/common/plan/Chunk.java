package io.loadgrid.common.plan;

/** A contiguous range of item indices leased to one agent: items {@code [first, first + count)}. */
public record Chunk(long id, long first, long count) {
    /** Chunk {@code id} of a run of {@code items} items (-1: unbounded) cut into chunks of {@code size}. */
    public static Chunk of(long id, long size, long items) {
        long first = id * size;
        long count = items < 0 ? size : Math.max(0, Math.min(size, items - first));
        return new Chunk(id, first, count);
    }
}
