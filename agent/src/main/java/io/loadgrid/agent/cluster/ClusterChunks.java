package io.loadgrid.agent.cluster;

import com.hazelcast.map.IMap;
import io.loadgrid.agent.run.ChunkSource;
import io.loadgrid.common.cluster.BookOp;
import io.loadgrid.common.cluster.ChunkBook;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ClusterPlan;
import java.util.function.BooleanSupplier;

/** An agent's chunks, leased from the run's chunk book: each lease is one atomic operation where the book lives. */
final class ClusterChunks implements ChunkSource {
    private static final long WAIT_MS = 20;
    private final IMap<String, String> books;
    private final String runId;
    private final String agent;
    private final ClusterPlan plan;

    ClusterChunks(IMap<String, String> books, String runId, String agent, ClusterPlan plan) {
        this.books = books;
        this.runId = runId;
        this.agent = agent;
        this.plan = plan;
    }

    @Override
    public Chunk lease(BooleanSupplier cancelled) throws InterruptedException {
        while (!cancelled.getAsBoolean()) {
            long answer = (Long) books.executeOnKey(runId, BookOp.lease(agent));
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
        books.executeOnKey(runId, BookOp.giveBack(agent, chunk.id()));
    }
}
