package io.loadgrid.agent.feed;

import io.loadgrid.common.cluster.ChunkBook;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkLayout;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.plan.Split;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * The chunk book of a run that one node runs alone, kept in this JVM: the same book, and the same leasing, that a
 * cluster keeps in Hazelcast. For runs that never leave the node (the warm-up) and for tests of the engine.
 */
public final class LocalBook implements ChunkSource {
    private static final String NODE = "local";
    private final ClusterPlan plan;
    private final ChunkBook book;
    private final AtomicLong committedItems = new AtomicLong();

    public LocalBook(RunSpec spec, long chunkSize) {
        this.plan = ClusterPlan.of(spec, chunkSize, Split.DYNAMIC, List.of(NODE), NODE);
        this.book = ChunkBook.of(plan);
    }

    public ClusterPlan plan() {
        return plan;
    }

    @Override
    public ChunkLayout layout() {
        return plan.layout();
    }

    @Override
    public Chunk lease(BooleanSupplier cancelled) throws InterruptedException {
        while (!cancelled.getAsBoolean()) {
            long id;
            synchronized (book) {
                id = book.lease(NODE);
            }
            if (id >= 0) {
                return plan.chunk(id);
            }
            if (id == ChunkBook.DONE) {
                return null;
            }
            Thread.sleep(5);
        }
        return null;
    }

    /** The chunk's result is in: its lease ends. */
    @Override
    public void commit(Chunk chunk, Tally tally) {
        committedItems.addAndGet(tally.items());
        synchronized (book) {
            book.committed(chunk.id(), NODE);
        }
    }

    /** The items of every chunk committed so far. */
    public long committedItems() {
        return committedItems.get();
    }

    @Override
    public void giveBack(Chunk chunk) {
        synchronized (book) {
            book.giveBack(chunk.id(), NODE);
        }
    }
}
