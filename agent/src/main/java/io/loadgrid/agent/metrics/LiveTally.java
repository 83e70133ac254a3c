package io.loadgrid.agent.metrics;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.Tally;
import java.util.EnumMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * Where every model records its items, from any number of threads without locks. Latency is recorded for every
 * item that got a response (including 4xx/5xx); connect, timeout and I/O failures have no meaningful latency.
 */
public final class LiveTally {
    private final Recorder latency = new Recorder(1, Histograms.HIGHEST_US, Histograms.DIGITS);
    private final Recorder uncorrected = new Recorder(1, Histograms.HIGHEST_US, Histograms.DIGITS);
    private final LongAdder ok = new LongAdder();
    private final LongAdder[] failures = new LongAdder[FailureKind.values().length];
    private final LongAdder written = new LongAdder();
    private final LongAdder resultHi = new LongAdder();
    private final LongAdder resultLo = new LongAdder();
    private final WireCounter wire;
    private final org.HdrHistogram.Histogram latencyTotal = Histograms.newLatency();
    private final org.HdrHistogram.Histogram uncorrectedTotal = Histograms.newLatency();

    public LiveTally(WireCounter wire) {
        this.wire = wire;
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new LongAdder();
        }
    }

    public WireCounter wire() {
        return wire;
    }

    /** An item that completed; times are nanoTime instants: intended start, actual send, last byte. */
    public void completed(long intended, long sent, long end) {
        ok.increment();
        recordLatency(intended, sent, end);
    }

    /** An item that got a response whose status counts as a failure. */
    public void failedWithResponse(FailureKind kind, long intended, long sent, long end) {
        failures[kind.ordinal()].increment();
        recordLatency(intended, sent, end);
    }

    public void failed(FailureKind kind) {
        failures[kind.ordinal()].increment();
    }

    public void written(long bytes) {
        written.add(bytes);
    }

    /** Adds a non-negative CPU-kernel result, split so the total cannot overflow. */
    public void result(long value) {
        resultHi.add(value >>> 32);
        resultLo.add(value & 0xFFFF_FFFFL);
    }

    public long done() {
        long n = ok.sum();
        for (LongAdder f : failures) {
            n += f.sum();
        }
        return n;
    }

    public long ok() {
        return ok.sum();
    }

    public long failed() {
        return done() - ok.sum();
    }

    private void recordLatency(long intended, long sent, long end) {
        latency.recordValue(Math.max(1, (end - intended) / 1000));
        uncorrected.recordValue(Math.max(1, (end - sent) / 1000));
    }

    /** Everything recorded so far; call when no item is in flight any more. */
    public synchronized Tally total() {
        // the recorders hand out what was recorded since the last call; the totals keep the sum
        latencyTotal.add(latency.getIntervalHistogram());
        uncorrectedTotal.add(uncorrected.getIntervalHistogram());
        var f = new EnumMap<FailureKind, Long>(FailureKind.class);
        for (FailureKind k : FailureKind.values()) {
            long v = failures[k.ordinal()].sum();
            if (v > 0) {
                f.put(k, v);
            }
        }
        return new Tally(ok.sum(), f, wire.up(), wire.down(), written.sum(), resultHi.sum(), resultLo.sum(),
                latencyTotal.copy(), uncorrectedTotal.copy());
    }
}
