package io.loadgrid.common.plan;

/**
 * How a run's items are cut into chunks. Chunks come in groups of {@code lanes}: group g covers the contiguous items
 * {@code [g * size * lanes, (g + 1) * size * lanes)}, and its chunk for lane l takes every lanes-th of them, starting
 * at offset l. With one lane a chunk is a contiguous range. With a rate every sending process of the cluster owns a
 * lane, so each sends its share of the one schedule at the same time as the others: a run's capacity is the sum of
 * all of them, not the lanes of whoever holds the current chunk.
 *
 * @param items the items of the whole run, or -1 when a duration bounds a closed loop
 */
public record ChunkLayout(long size, int lanes, long items) {
    public ChunkLayout {
        if (size < 1 || lanes < 1 || items < -1) {
            throw new IllegalArgumentException("bad chunk layout " + size + "/" + lanes + "/" + items);
        }
    }

    /** How many chunks there are (none of them empty), or -1 for an unbounded run. */
    public long chunks() {
        if (items < 0) {
            return -1;
        }
        long group = size * lanes;
        return items / group * lanes + Math.min(lanes, items % group);
    }

    public Chunk chunk(long id) {
        long group = id / lanes;
        long lane = id % lanes;
        long first = group * size * lanes + lane;
        long count = size;
        if (items >= 0) {
            long end = Math.min(items, (group + 1) * size * lanes);
            count = Math.max(0, Math.min(size, (end - first + lanes - 1) / lanes));
        }
        return new Chunk(id, first, lanes, count);
    }

    /** The id of the chunk that holds item {@code index}. */
    public long idOf(long index) {
        return index / (size * lanes) * lanes + index % lanes;
    }

    /** The lane chunk {@code id} belongs to. */
    public int lane(long id) {
        return (int) (id % lanes);
    }
}
