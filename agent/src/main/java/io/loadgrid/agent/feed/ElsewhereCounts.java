package io.loadgrid.agent.feed;

import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Tally;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counts of chunks this node's worker processes ran and it committed for them: its live progress adds them to
 * its own tally's, which holds only the items its own threads sent.
 */
final class ElsewhereCounts {
    private final LongAdder ok = new LongAdder();
    private final Map<FailureKind, LongAdder> failed = new ConcurrentHashMap<>();

    void add(Tally tally) {
        ok.add(tally.ok());
        tally.failures()
                .forEach((k, v) ->
                        failed.computeIfAbsent(k, x -> new LongAdder()).add(v));
    }

    long ok() {
        return ok.sum();
    }

    Map<FailureKind, Long> failed() {
        Map<FailureKind, Long> f = new EnumMap<>(FailureKind.class);
        failed.forEach((k, v) -> f.put(k, v.sum()));
        return f;
    }
}
