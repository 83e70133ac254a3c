package io.loadgrid.testbed.stats;

import io.loadgrid.common.metrics.TargetCounts;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

/**
 * Server-wide traffic totals. Every event loop adds to them, so they are striped adders rather than atomics:
 * the hot path must not contend on one cache line.
 */
public final class TrafficCounters {

    /** Status classes in the order {@link #responses(int)} indexes them: 1xx .. 5xx. */
    public static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final LongAdder requests = new LongAdder();
    private final LongAdder bytesIn = new LongAdder();
    private final LongAdder bytesOut = new LongAdder();
    private final LongAdder connections = new LongAdder();
    private final LongAdder[] responses = new LongAdder[STATUS_CLASSES.length];
    private String epoch = newEpoch();

    public TrafficCounters() {
        for (int i = 0; i < responses.length; i++) {
            responses[i] = new LongAdder();
        }
    }

    public void request(long wireBytesIn) {
        requests.increment();
        bytesIn.add(wireBytesIn);
    }

    /** Bytes read that no complete request claimed, e.g. a request cut off by the client closing. */
    public void strayBytesIn(long wireBytes) {
        bytesIn.add(wireBytes);
    }

    /** A TCP connection accepted; whether it will carry control requests is not known yet, so those count too. */
    public void connection() {
        connections.increment();
    }

    public long connections() {
        return connections.sum();
    }

    public void bytesOut(long wireBytes) {
        bytesOut.add(wireBytes);
    }

    public void response(int status) {
        int cls = status / 100 - 1;
        if (cls >= 0 && cls < responses.length) {
            responses[cls].increment();
        }
    }

    /** Responses sent in status class {@code index} (0 = 1xx .. 4 = 5xx). */
    public long responses(int index) {
        return responses[index].sum();
    }

    public TargetCounts snapshot() {
        return new TargetCounts(requests.sum(), bytesIn.sum(), bytesOut.sum());
    }

    /** Read under the lock a reset takes: a reading never pairs one epoch with the counts of another. */
    public synchronized TargetCounts.Reading epoch() {
        return new TargetCounts.Reading(epoch, snapshot());
    }

    public synchronized void reset() {
        requests.reset();
        bytesIn.reset();
        bytesOut.reset();
        connections.reset();
        for (LongAdder r : responses) {
            r.reset();
        }
        epoch = newEpoch();
    }

    private static String newEpoch() {
        return UUID.randomUUID().toString();
    }
}
