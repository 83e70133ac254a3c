package io.loadgrid.common.metrics;

import java.math.BigInteger;
import java.util.Map;

/**
 * What became of a run's items.
 *
 * @param failures every {@link FailureKind} by its key, zeros included, so that a reader sees which kinds were counted
 * @param result   the CPU workloads' sum over all items, null for HTTP
 */
public record Counts(long items, long ok, long failed, Map<String, Long> failures, BigInteger result) {
    public Counts {
        failures = failures == null ? Map.of() : failures;
    }
}
