package io.loadgrid.agent.cluster;

import io.loadgrid.common.security.SignedPlan;
import java.util.HashMap;
import java.util.Map;

/**
 * The runs an agent has taken a plan for, kept while such a plan could still pass as fresh: a plan deleted and put
 * back under its own run id verifies again, and only memory tells it from the first time.
 */
final class TakenRuns {
    private final Map<String, Long> issued = new HashMap<>();

    /** True the first time {@code runId} is offered; false for every later offer while it is remembered. */
    synchronized boolean first(String runId, long issuedMs, long nowMs) {
        issued.values().removeIf(at -> nowMs - at > 2 * SignedPlan.VALID_MS);
        return issued.putIfAbsent(runId, issuedMs) == null;
    }
}
