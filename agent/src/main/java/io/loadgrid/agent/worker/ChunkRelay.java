package io.loadgrid.agent.worker;

import io.loadgrid.agent.feed.ChunkFeed;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkSizes;
import java.io.IOException;
import java.util.concurrent.Semaphore;

/**
 * Passes leased chunks to worker {@code part} of {@code parts}, at most two outstanding so that a faster worker takes
 * more (or, with a rate, so that each worker holds its own lane's next chunk), and hands the worker's chunk results
 * to the agent's committer. Returns the worker's final report.
 */
public final class ChunkRelay {
    private static final int OUTSTANDING = ChunkSizes.HELD_PER_SENDER;
    private final WorkerProcess worker;
    private final ChunkFeed feed;
    private final int part;
    private final int parts;
    private final Semaphore room = new Semaphore(OUTSTANDING);

    public ChunkRelay(WorkerProcess worker, ChunkFeed feed, int part, int parts) {
        this.worker = worker;
        this.feed = feed;
        this.part = part;
        this.parts = parts;
    }

    /** Runs until the worker reports; call once the worker is READY (chunks go to it before GO too). */
    public WorkerReport relay() throws IOException, InterruptedException {
        Thread feeder = Thread.ofPlatform().daemon().name("chunk-relay").start(this::feed);
        try {
            while (true) {
                switch (worker.read()) {
                    case WorkerMessage.Commit done -> {
                        feed.committedElsewhere(done.chunk(), done.tally().decode());
                        room.release();
                    }
                    case WorkerMessage.Back back -> {
                        feed.giveBack(back.chunk());
                        room.release();
                    }
                    case WorkerMessage.Result result -> {
                        return result.report();
                    }
                    default -> {
                        // the parent's own messages never come back; nothing else is sent after READY
                    }
                }
            }
        } catch (IOException e) {
            // the worker died: its lane's chunks would fill the node's queue and starve the others, so the node stops
            // handing out chunks; the other workers finish what they hold and report, and the run fails with this
            feed.stop();
            throw e;
        } finally {
            feeder.interrupt();
        }
    }

    private void feed() {
        try {
            while (true) {
                room.acquire();
                Chunk c = feed.nextChunk(part, parts);
                if (c == null) {
                    worker.send(new WorkerMessage.End());
                    return;
                }
                worker.send(new WorkerMessage.Pass(c));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
