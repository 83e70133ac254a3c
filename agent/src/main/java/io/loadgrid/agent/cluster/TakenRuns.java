package io.loadgrid.agent.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runs an agent has taken a plan for: a signed plan deleted and put back under its own run id verifies again,
 * and only memory tells it from the first time. Kept by count, not by time, because cluster time can step back (a
 * clock set back, a new master after a merge); only verified plans get in, and a run id is a dozen characters.
 */
final class TakenRuns {
    private static final int KEPT = 100_000;

    private final Map<String, Boolean> taken = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEPT;
        }
    };

    /** True the first time {@code runId} is offered; false for every later offer. */
    synchronized boolean first(String runId) {
        return taken.putIfAbsent(runId, Boolean.TRUE) == null;
    }
}
