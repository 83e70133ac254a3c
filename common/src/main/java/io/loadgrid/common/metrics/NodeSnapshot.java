package io.loadgrid.common.metrics;

import java.util.Map;

/**
 * An agent's 1 Hz report during a run: cumulative counts (so a lost snapshot loses nothing) and the latency histogram
 * of the interval since the previous one (so the coordinator can merge live percentiles exactly).
 *
 * @param clusterMs    cluster time of the snapshot
 * @param bytesWritten response bytes persisted by this JVM so far (worker processes' arrive with their final report)
 * @param inFlight     items begun and not done, or -1 when worker processes run them (not known live)
 * @param cpuSystemPct the host's CPU over the last second, % of all cores
 * @param intervalLag  the schedule lag histogram of the interval, like {@code intervalLatency} (null from older agents)
 */
public record NodeSnapshot(
        String node,
        long seq,
        long clusterMs,
        long done,
        long ok,
        Map<FailureKind, Long> failures,
        long bytesUp,
        long bytesDown,
        String intervalLatency,
        double cpuProcessPct,
        double rssMb,
        int threads,
        long bytesWritten,
        long inFlight,
        double cpuSystemPct,
        String intervalLag) {}
