package io.loadgrid.agent.metrics;

import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * What the items of one chunk produced, so that the chunk's result can be committed on its own. Its histograms hold
 * only the range their values reach: only the open chunks are in memory, and a packed histogram (memory in proportion
 * to the values) cost a fifth of an event loop in index walks and resizes, by profile. They are recorded under a lock,
 * uncontended on one event loop.
 */
final class ChunkTally {
    private final Chunk chunk;
    private final ItemCounts counts = new ItemCounts();
    private final Histogram latency = Histograms.newGrowing();
    private final Histogram uncorrected = Histograms.newGrowing();
    private final Histogram lag = Histograms.newGrowing();
    private final AtomicLong finished = new AtomicLong();

    ChunkTally(Chunk chunk) {
        this.chunk = chunk;
    }

    Chunk chunk() {
        return chunk;
    }

    ItemCounts counts() {
        return counts;
    }

    synchronized void latency(long corrected, long uncorrectedUs, long lagUs) {
        latency.recordValue(corrected);
        uncorrected.recordValue(uncorrectedUs);
        lag.recordValue(lagUs);
    }

    /** An item that failed with a response; its latency comes separately. */
    void failed(FailureKind kind) {
        counts.failed(kind);
    }

    /** An item that failed without a response, sent {@code lagUs} behind its slot. */
    synchronized void failed(FailureKind kind, long lagUs) {
        counts.failed(kind);
        lag.recordValue(lagUs);
    }

    /** Counts one more item as finished; true when it was the chunk's last. */
    boolean finishOne() {
        return finished.incrementAndGet() == chunk.count();
    }

    /** The chunk's tally, once its items are done; wire bytes are counted per node, not per chunk. */
    synchronized Tally tally() {
        return new Tally(
                counts.ok.sum(),
                counts.failures(),
                0,
                0,
                counts.written.sum(),
                counts.resultHi.sum(),
                counts.resultLo.sum(),
                latency,
                uncorrected,
                lag);
    }
}
