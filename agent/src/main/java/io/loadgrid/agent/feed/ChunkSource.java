package io.loadgrid.agent.feed;

import io.loadgrid.common.plan.Chunk;
import java.util.function.BooleanSupplier;

/** Where a node gets its chunks: the cluster's chunk book, or, for a worker JVM, its parent agent. */
public interface ChunkSource {
    /**
     * The next chunk, or null when there will be none; may wait while others could still hand chunks back, but
     * returns null as soon as {@code cancelled} says so.
     */
    Chunk lease(BooleanSupplier cancelled) throws InterruptedException;

    /** A leased chunk this node will not run (the run stopped first): it goes back to the others. */
    default void giveBack(Chunk chunk) {}
}
