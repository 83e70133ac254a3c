package io.loadgrid.agent.feed;

import io.loadgrid.agent.metrics.ChunkLedger;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkLayout;
import java.util.function.BooleanSupplier;

/**
 * Where a node's chunks come from and where their results go: the cluster's chunk book, for a worker JVM its parent
 * agent, or a book of this JVM's own. Each owns both ends, leasing and committing, so that an engine is given one.
 */
public interface ChunkSource extends ChunkLedger.Committer {
    /** How the run's items are cut into chunks (and lanes). */
    ChunkLayout layout();

    /**
     * The next chunk, or null when there will be none; may wait while others could still hand chunks back, but
     * returns null as soon as {@code cancelled} says so.
     */
    Chunk lease(BooleanSupplier cancelled) throws InterruptedException;

    /** A leased chunk this node will not run (the run stopped first): it goes back to the others. */
    default void giveBack(Chunk chunk) {}
}
