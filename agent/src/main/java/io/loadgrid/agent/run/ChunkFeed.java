package io.loadgrid.agent.run;

import io.loadgrid.agent.metrics.ChunkLedger;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Tally;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.loadgrid.common.plan.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Items from leased chunks. A background thread keeps {@value #AHEAD} chunks leased ahead, so senders never wait on
 * the cluster; when none is at hand the feed answers {@link Items#LATER} rather than blocking an event loop.
 */
public final class ChunkFeed implements Items {
    static final int AHEAD = 2;
    private final ChunkSource source;
    private final ChunkLedger ledger;
    private final LinkedBlockingQueue<Chunk> ready = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(AHEAD);
    private final LongAdder doneElsewhere = new LongAdder();
    private final LongAdder okElsewhere = new LongAdder();
    private final Map<FailureKind, LongAdder> failedElsewhere = new ConcurrentHashMap<>();
    private volatile boolean exhausted;
    private volatile boolean stopped;
    private volatile RuntimeException failure;
    private Thread leaser;
    private long next;
    private long end;

    public ChunkFeed(ChunkSource source, ChunkLedger ledger) {
        this.source = source;
        this.ledger = ledger;
    }

    public long chunkSize() {
        return ledger.chunkSize();
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
                ready.add(c);
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
        while (next >= end) {
            // read the flag before polling: a chunk added just before exhaustion is still found
            boolean last = exhausted;
            Chunk c = ready.poll();
            if (c == null) {
                return last ? DONE : LATER;
            }
            room.release();
            ledger.open(c);
            next = c.first();
            end = c.first() + c.count();
        }
        return next++;
    }

    /** For a model that hands whole chunks to its worker processes: the next one, or null when none remain. */
    public Chunk nextChunk() throws InterruptedException {
        while (!stopped) {
            boolean last = exhausted;
            Chunk c = ready.poll(10, TimeUnit.MILLISECONDS);
            if (c != null) {
                room.release();
                return c;
            }
            if (last) {
                return null;
            }
        }
        return null;
    }

    /** A chunk a worker process ran: committed like the node's own; its items count in {@link #doneElsewhere()}. */
    public void committedElsewhere(Chunk chunk, Tally tally) {
        doneElsewhere.add(tally.items());
        okElsewhere.add(tally.ok());
        tally.failures().forEach((k, v) -> failedElsewhere.computeIfAbsent(k, x -> new LongAdder()).add(v));
        ledger.commit(chunk, tally);
    }

    public long doneElsewhere() {
        return doneElsewhere.sum();
    }

    public long okElsewhere() {
        return okElsewhere.sum();
    }

    public Map<FailureKind, Long> failedElsewhere() {
        Map<FailureKind, Long> f = new EnumMap<>(FailureKind.class);
        failedElsewhere.forEach((k, v) -> f.put(k, v.sum()));
        return f;
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
        room.release(AHEAD);
        Thread t;
        synchronized (this) {
            t = leaser;
        }
        if (t != null) {
            t.join(10_000);
        }
        List<Chunk> unused = new ArrayList<>();
        ready.drainTo(unused);
        for (Chunk c : unused) {
            source.giveBack(c);
        }
    }
}
