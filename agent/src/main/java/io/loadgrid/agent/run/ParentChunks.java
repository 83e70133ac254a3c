package io.loadgrid.agent.run;

import io.loadgrid.agent.feed.ChunkSource;
import io.loadgrid.agent.worker.WorkerMessage;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkLayout;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A worker's chunks, as its parent passes them down its stdin; their results go back up its stdout. */
final class ParentChunks implements ChunkSource {
    private static final Chunk END = new Chunk(-1, 0, 1, 0);
    private final LinkedBlockingQueue<Chunk> chunks = new LinkedBlockingQueue<>();
    private final PrintStream out;
    private final ChunkLayout layout;
    /** Chunk results are encoded and written off the senders' event loop, as an agent's committer does. */
    private final ExecutorService commits = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("worker-commits").factory());

    ParentChunks(PrintStream out, ChunkLayout layout) {
        this.out = out;
        this.layout = layout;
    }

    @Override
    public ChunkLayout layout() {
        return layout;
    }

    @Override
    public void commit(Chunk chunk, Tally tally) {
        commits.execute(() -> WorkerMain.send(out, new WorkerMessage.Commit(chunk, tally.encode())));
    }

    /** Waits until every result committed so far is written. */
    void drain() throws InterruptedException {
        commits.shutdown();
        commits.awaitTermination(1, TimeUnit.MINUTES);
    }

    private boolean stopped;

    /** A chunk passed on, or null: no more chunks. */
    synchronized void received(Chunk passed) {
        Chunk c = passed == null ? END : passed;
        if (stopped && c != END) {
            // passed on just as the run stopped: never started here, so it goes back at once
            giveBack(c);
        } else {
            chunks.add(c);
        }
    }

    /** The run stopped: chunks not yet leased, and any that still arrive, go back to the parent. */
    synchronized void end() {
        stopped = true;
        java.util.List<Chunk> unleased = new java.util.ArrayList<>();
        chunks.drainTo(unleased);
        for (Chunk c : unleased) {
            if (c != END) {
                giveBack(c);
            }
        }
        chunks.add(END);
    }

    @Override
    public Chunk lease(BooleanSupplier cancelled) throws InterruptedException {
        while (!cancelled.getAsBoolean()) {
            Chunk c = chunks.poll(10, TimeUnit.MILLISECONDS);
            if (c == END) {
                chunks.add(END);
                return null;
            }
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void giveBack(Chunk chunk) {
        WorkerMain.send(out, new WorkerMessage.Back(chunk));
    }
}
