package io.loadgrid.agent.feed;

import io.loadgrid.agent.metrics.ChunkLedger;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import io.loadgrid.common.plan.ChunkLayout;
import io.loadgrid.common.plan.ChunkSizes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.Semaphore;

/**
 * Items from leased chunks. A background thread keeps chunks leased ahead ({@value #AHEAD} per sender of this node),
 * so senders never wait on the cluster; when none is at hand the feed answers {@link Items#LATER} rather than
 * blocking an event loop. Items go out in index order across every chunk held, which is schedule order: a chunk taken
 * over from a lost agent, or a lane taken from a lagging one, is interleaved with this node's own, not queued behind
 * it.
 */
public final class ChunkFeed implements Items {
    static final int AHEAD = ChunkSizes.HELD_PER_SENDER;
    private static final long POLL_MS = 2;
    private final ChunkSource source;
    private final ChunkLedger ledger;
    private final int ahead;
    /** Leased and not yet started, by first item; guarded by this. */
    private final PriorityQueue<Chunk> ready = new PriorityQueue<>(Comparator.comparingLong(Chunk::first));
    /** Started and not yet handed out in full; guarded by this. */
    private final List<Cursor> open = new ArrayList<>();

    private final Semaphore room;
    private final ElsewhereCounts elsewhere = new ElsewhereCounts();
    private volatile boolean exhausted;
    private volatile boolean stopped;
    private volatile RuntimeException failure;
    private Thread leaser;

    /** A feed for a node with {@code senders} sending processes (each of its worker JVMs, or itself). */
    public ChunkFeed(ChunkSource source, ChunkLedger ledger, int senders) {
        this.source = source;
        this.ledger = ledger;
        this.ahead = AHEAD * senders;
        this.room = new Semaphore(ahead);
    }

    public ChunkLayout layout() {
        return ledger.layout();
    }

    /** Starts leasing ahead; call before the start instant so the first chunks are at hand. */
    public synchronized void start() {
        leaser = Thread.ofPlatform().daemon().name("chunk-leaser").start(this::leaseAhead);
    }

    private void leaseAhead() {
        try {
            while (!stopped) {
                room.acquire();
                Chunk c = stopped ? null : source.lease(() -> stopped);
                if (c == null) {
                    break;
                }
                synchronized (this) {
                    ready.add(c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            exhausted = true;
        }
    }

    @Override
    public synchronized long next() {
        if (stopped) {
            return DONE;
        }
        // read the flag before looking: a chunk added just before exhaustion is still found
        boolean last = exhausted;
        Cursor best = null;
        for (Cursor c : open) {
            if (best == null || c.peek() < best.peek()) {
                best = c;
            }
        }
        Chunk head = ready.peek();
        if (head != null && (best == null || head.first() < best.peek())) {
            ready.poll();
            room.release();
            ledger.open(head);
            best = new Cursor(head);
            open.add(best);
        }
        if (best == null) {
            return last ? DONE : LATER;
        }
        long index = best.take();
        if (best.drained()) {
            open.remove(best);
        }
        return index;
    }

    /**
     * For a model that hands whole chunks to its worker processes: the next chunk for worker {@code part} of
     * {@code parts}, or null when none remain. With one lane any worker takes any chunk (a faster one takes more);
     * with lanes, a worker gets the chunks of its own lane, so that every worker sends its share at the same time.
     */
    public Chunk nextChunk(int part, int parts) throws InterruptedException {
        ChunkLayout layout = ledger.layout();
        while (!stopped) {
            boolean last = exhausted;
            synchronized (this) {
                // a priority queue iterates in heap order: look for the earliest of this worker's chunks
                Chunk first = null;
                for (Chunk c : ready) {
                    if ((layout.lanes() == 1 || layout.lane(c.id()) % parts == part)
                            && (first == null || c.first() < first.first())) {
                        first = c;
                    }
                }
                if (first != null) {
                    ready.remove(first);
                    room.release();
                    return first;
                }
            }
            if (last) {
                return null;
            }
            Thread.sleep(POLL_MS);
        }
        return null;
    }

    /**
     * A chunk a worker process ran: committed like the node's own; its items count in {@link #okElsewhere()} and
     * failures.
     */
    public void committedElsewhere(Chunk chunk, Tally tally) {
        elsewhere.add(tally);
        ledger.commit(chunk, tally);
    }

    public long okElsewhere() {
        return elsewhere.ok();
    }

    public Map<FailureKind, Long> failedElsewhere() {
        return elsewhere.failed();
    }

    public void giveBack(Chunk chunk) {
        source.giveBack(chunk);
    }

    @Override
    public void stop() {
        stopped = true;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    /** Why leasing stopped early (the cluster failed), or null. */
    public RuntimeException failure() {
        return failure;
    }

    /** Ends leasing and hands back chunks leased ahead but never started. */
    public void close() throws InterruptedException {
        stopped = true;
        room.release(ahead);
        Thread t;
        synchronized (this) {
            t = leaser;
        }
        if (t != null) {
            t.join(10_000);
        }
        List<Chunk> unused;
        synchronized (this) {
            unused = new ArrayList<>(ready);
            ready.clear();
        }
        for (Chunk c : unused) {
            source.giveBack(c);
        }
    }
}
