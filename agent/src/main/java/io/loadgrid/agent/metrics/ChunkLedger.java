package io.loadgrid.agent.metrics;

import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkLayout;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chunks a node is running, each with its own tally: when a chunk's last item completes, its result goes to the
 * committer. The run's layout tells which chunk an item belongs to.
 */
public final class ChunkLedger {
    /** Receives each chunk's result once, when it is complete or when the run ends with it partly done. */
    public interface Committer {
        void commit(Chunk chunk, Tally tally);
    }

    private final ChunkLayout layout;
    private final Committer committer;
    private final ConcurrentHashMap<Long, ChunkTally> open = new ConcurrentHashMap<>();

    public ChunkLedger(ChunkLayout layout, Committer committer) {
        this.layout = layout;
        this.committer = committer;
    }

    public ChunkLayout layout() {
        return layout;
    }

    /** Call before the chunk's first item is handed out. */
    public void open(Chunk chunk) {
        open.put(chunk.id(), new ChunkTally(chunk));
    }

    ChunkTally of(long index) {
        ChunkTally t = open.get(layout.idOf(index));
        if (t == null) {
            throw new IllegalStateException("item " + index + " belongs to no open chunk");
        }
        return t;
    }

    /** The item's outcome is recorded in {@code t}. */
    void finished(ChunkTally t) {
        if (t.finishOne() && open.remove(t.chunk().id(), t)) {
            committer.commit(t.chunk(), t.tally());
        }
    }

    /** Commits a chunk that ran elsewhere (a worker process of this node). */
    public void commit(Chunk chunk, Tally tally) {
        committer.commit(chunk, tally);
    }

    /** Commits the chunks the run left partly done (a deadline or a stop); call when no item is in flight. */
    public void flush() {
        for (Long id : open.keySet()) {
            ChunkTally t = open.remove(id);
            if (t != null && t.counts().done() > 0) {
                committer.commit(t.chunk(), t.tally());
            }
        }
    }
}
