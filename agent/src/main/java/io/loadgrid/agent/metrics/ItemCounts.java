package io.loadgrid.agent.metrics;

import io.loadgrid.common.metrics.FailureKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** The counts of a set of items (a node's, a chunk's), added to from any number of threads without locks. */
final class ItemCounts {
    final LongAdder ok = new LongAdder();
    private final LongAdder[] failures = new LongAdder[FailureKind.values().length];
    final LongAdder written = new LongAdder();
    final LongAdder resultHi = new LongAdder();
    final LongAdder resultLo = new LongAdder();

    ItemCounts() {
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new LongAdder();
        }
    }

    void failed(FailureKind kind) {
        failures[kind.ordinal()].increment();
    }

    /** Adds a non-negative CPU-kernel result, split so the total cannot overflow. */
    void result(long value) {
        resultHi.add(value >>> 32);
        resultLo.add(value & 0xFFFF_FFFFL);
    }

    long done() {
        long n = ok.sum();
        for (LongAdder f : failures) {
            n += f.sum();
        }
        return n;
    }

    Map<FailureKind, Long> failures() {
        var f = new EnumMap<FailureKind, Long>(FailureKind.class);
        for (FailureKind k : FailureKind.values()) {
            long v = failures[k.ordinal()].sum();
            if (v > 0) {
                f.put(k, v);
            }
        }
        return f;
    }
}
