package io.loadgrid.agent.cluster;

import io.loadgrid.agent.feed.ChunkSource;
import io.loadgrid.common.cluster.ChunkBook;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkLayout;
import io.loadgrid.common.plan.ClusterPlan;
import java.util.function.BooleanSupplier;

/**
 * An agent's chunks, leased from the run's chunk book: each lease is one atomic operation where the book lives; each
 * result goes to the book through the committer, off the senders' threads.
 */
final class ClusterChunks implements ChunkSource {
    private static final long WAIT_MS = 20;
    private final RunBoard board;
    private final String agent;
    private final ClusterPlan plan;
    private final ChunkCommitter committer;

    ClusterChunks(RunBoard board, String agent, ClusterPlan plan, ChunkCommitter committer) {
        this.board = board;
        this.agent = agent;
        this.plan = plan;
        this.committer = committer;
    }

    @Override
    public ChunkLayout layout() {
        return plan.layout();
    }

    @Override
    public void commit(Chunk chunk, Tally tally) {
        committer.commit(chunk, tally);
    }

    @Override
    public Chunk lease(BooleanSupplier cancelled) throws InterruptedException {
        while (!cancelled.getAsBoolean()) {
            long answer = board.lease(agent);
            if (answer >= 0) {
                return plan.chunk(answer);
            }
            if (answer == ChunkBook.DONE) {
                return null;
            }
            // others hold chunks they might hand back if they fail
            Thread.sleep(WAIT_MS);
        }
        return null;
    }

    @Override
    public void giveBack(Chunk chunk) {
        board.giveBack(agent, chunk.id());
    }
}
