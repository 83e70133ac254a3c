package io.loadgrid.common.metrics;

import java.util.Map;

/**
 * An agent's 1 Hz report during a run: cumulative counts (so a lost snapshot loses nothing) and the latency histogram
 * of the interval since the previous one (so the coordinator can merge live percentiles exactly).
 *
 * @param clusterMs cluster time of the snapshot
 */
public record NodeSnapshot(String node, long seq, long clusterMs, long done, long ok, Map<FailureKind, Long> failures,
                           long bytesUp, long bytesDown, String intervalLatency, double cpuProcessPct, double rssMb,
                           int threads) {
}
