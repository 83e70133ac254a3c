package io.loadgrid.agent.metrics;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.Tally;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Where every model records its items, from any number of threads without locks. Latency is recorded for every
 * item that got a response (including 4xx/5xx); connect, timeout and I/O failures have no meaningful latency.
 * Each item is also recorded in its chunk's tally, so that chunks commit on their own.
 */
public final class LiveTally {
    private final Recorder latency = new Recorder(1, Histograms.HIGHEST_US, Histograms.DIGITS);
    private final Recorder uncorrected = new Recorder(1, Histograms.HIGHEST_US, Histograms.DIGITS);
    private final Recorder lag = new Recorder(1, Histograms.HIGHEST_US, Histograms.DIGITS);
    private final ItemCounts counts = new ItemCounts();
    private final LongAccumulator lastEnd = new LongAccumulator(Math::max, Long.MIN_VALUE);
    /** Items between {@link #started()} and their outcome, exactly (the items in flight), and the most at once. */
    private final AtomicLong pending = new AtomicLong();

    private final LongAccumulator pendingPeak = new LongAccumulator(Math::max, 0);
    private final WireCounter wire;
    private final ChunkLedger ledger;
    private final Histogram latencyTotal = Histograms.newLatency();
    private final Histogram uncorrectedTotal = Histograms.newLatency();
    private final Histogram lagTotal = Histograms.newLatency();
    /** Recorded since the last live interval: the run's last snapshot comes after its total was taken. */
    private final Histogram latencySinceInterval = Histograms.newLatency();

    private final Histogram lagSinceInterval = Histograms.newLatency();

    public LiveTally(WireCounter wire, ChunkLedger ledger) {
        this.wire = wire;
        this.ledger = ledger;
    }

    public WireCounter wire() {
        return wire;
    }

    /** An item is about to be sent; with the outcomes this gives the items in flight. */
    public void started() {
        pendingPeak.accumulate(pending.incrementAndGet());
    }

    /** The most items that were in flight at once so far: what a model's concurrency really was. */
    public long inFlightPeak() {
        return pendingPeak.get();
    }

    private void ended() {
        pending.decrementAndGet();
    }

    /** Items begun and not yet done. */
    public long inFlight() {
        return pending.get();
    }

    /** Response bytes persisted so far. */
    public long written() {
        return counts.written.sum();
    }

    /** Item {@code index} completed; times are nanoTime instants: intended start, actual send, last byte. */
    public void completed(long index, long intended, long sent, long end) {
        ended();
        counts.ok.increment();
        ChunkTally chunk = ledger.of(index);
        chunk.counts().ok.increment();
        recordLatency(chunk, intended, sent, end);
    }

    /** Item {@code index} got a response whose status counts as a failure. */
    public void failedWithResponse(long index, FailureKind kind, long intended, long sent, long end) {
        ended();
        counts.failed(kind);
        ChunkTally chunk = ledger.of(index);
        chunk.failed(kind);
        recordLatency(chunk, intended, sent, end);
    }

    /** Item {@code index}, sent at {@code sent} for its {@code intended} start, failed without a response. */
    public void failed(long index, FailureKind kind, long intended, long sent) {
        ended();
        counts.failed(kind);
        lastEnd.accumulate(System.nanoTime());
        long behind = lagOf(intended, sent);
        lag.recordValue(behind);
        ChunkTally chunk = ledger.of(index);
        chunk.failed(kind, behind);
        ledger.finished(chunk);
    }

    /** Response bytes item {@code index} wrote to the sink; call before the item's outcome. */
    public void written(long index, long bytes) {
        counts.written.add(bytes);
        ledger.of(index).counts().written.add(bytes);
    }

    /** Item {@code index}'s non-negative CPU-kernel result; call before the item's outcome. */
    public void result(long index, long value) {
        counts.result(value);
        ledger.of(index).counts().result(value);
    }

    public long ok() {
        return counts.ok.sum();
    }

    public Map<FailureKind, Long> failures() {
        return counts.failures();
    }

    /** The nanoTime instant the last item completed, or {@code Long.MIN_VALUE} before any did. */
    public long lastEnd() {
        return lastEnd.get();
    }

    private void recordLatency(ChunkTally chunk, long intended, long sent, long end) {
        long corrected = Histograms.recordable((end - intended) / 1000);
        long plain = Histograms.recordable((end - sent) / 1000);
        long behind = lagOf(intended, sent);
        latency.recordValue(corrected);
        uncorrected.recordValue(plain);
        lag.recordValue(behind);
        lastEnd.accumulate(end);
        chunk.latency(corrected, plain, behind);
        ledger.finished(chunk);
    }

    /** How late the send was against its slot, µs (0 when on time; a closed loop's slot is when a sender took it). */
    private static long lagOf(long intended, long sent) {
        return Math.min(Histograms.HIGHEST_US, Math.max(0, (sent - intended) / 1000));
    }

    /** What one interval of a run recorded: its latencies and its schedule lags. */
    public record Interval(Histogram latency, Histogram lag) {}

    /** What was recorded since the previous call, for live snapshots (a {@link #total()} between them takes none). */
    public synchronized Interval interval() {
        drain();
        Interval i = new Interval(latencySinceInterval.copy(), lagSinceInterval.copy());
        latencySinceInterval.reset();
        lagSinceInterval.reset();
        return i;
    }

    /** Moves what the recorders hold into the totals and into what the next interval reports. */
    private void drain() {
        Histogram h = latency.getIntervalHistogram();
        Histogram behind = lag.getIntervalHistogram();
        latencyTotal.add(h);
        uncorrectedTotal.add(uncorrected.getIntervalHistogram());
        lagTotal.add(behind);
        latencySinceInterval.add(h);
        lagSinceInterval.add(behind);
    }

    /** Everything recorded so far; call when no item is in flight any more. */
    public synchronized Tally total() {
        // the recorders hand out what was recorded since the last call; the totals keep the sum
        drain();
        return new Tally(
                counts.ok.sum(),
                counts.failures(),
                wire.up(),
                wire.down(),
                counts.written.sum(),
                counts.resultHi.sum(),
                counts.resultLo.sum(),
                latencyTotal.copy(),
                uncorrectedTotal.copy(),
                lagTotal.copy());
    }
}
