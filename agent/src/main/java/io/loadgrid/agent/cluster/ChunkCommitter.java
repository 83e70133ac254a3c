package io.loadgrid.agent.cluster;

import io.loadgrid.agent.metrics.ChunkLedger;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.metrics.ChunkResult;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Commits each finished chunk exactly once, off the senders' threads: putIfAbsent of its result (a chunk re-run after
 * its first runner was presumed lost finds the first result and is discarded), then the end of its lease.
 */
final class ChunkCommitter implements ChunkLedger.Committer, AutoCloseable {
    private record Finished(Chunk chunk, Tally tally) {}

    private final LinkedBlockingQueue<Finished> queue = new LinkedBlockingQueue<>();
    private final RunBoard board;
    private final String node;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Thread thread;
    private volatile RuntimeException failure;

    ChunkCommitter(RunBoard board, String node) {
        this.board = board;
        this.node = node;
        this.thread = Thread.ofPlatform().daemon().name("chunk-committer").start(this::loop);
    }

    @Override
    public void commit(Chunk chunk, Tally tally) {
        pending.incrementAndGet();
        queue.add(new Finished(chunk, tally));
    }

    private void loop() {
        try {
            while (true) {
                Finished f = queue.take();
                try {
                    commitWithRetries(f);
                } finally {
                    pending.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Both steps are idempotent, so a failed attempt (a member leaving mid-call) is simply made again. */
    private void commitWithRetries(Finished f) throws InterruptedException {
        ChunkResult result = new ChunkResult(f.chunk().id(), node, f.tally().encode());
        for (int attempt = 1; ; attempt++) {
            try {
                ChunkResult first = board.commit(result);
                if (first != null && !first.equals(result)) {
                    duplicates.incrementAndGet();
                }
                board.committed(node, f.chunk().id());
                return;
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    // the coordinator hands the uncommitted lease to others when this node reports
                    failure = e;
                    return;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    /** Waits until every chunk handed in is committed (or the cluster failed). */
    void drain(long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (pending.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    long duplicates() {
        return duplicates.get();
    }

    RuntimeException failure() {
        return failure;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
