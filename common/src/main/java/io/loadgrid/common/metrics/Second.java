package io.loadgrid.common.metrics;

/**
 * One second of a run, every agent's 1 Hz snapshot of it merged: what a time series of the run draws, so that
 * warm-up, pauses and drift show. The figures are the live ones; the run's totals come from its exact result.
 *
 * @param t             seconds since the start instant, at the end of the second
 * @param itemsPerS     items completed per second (every outcome), summed over the agents, each agent's over the time
 *                      its snapshot covers
 * @param failed        items that failed in the second
 * @param p99Us         p99 latency of the items that completed in the second, from the agents' interval histograms
 *                      merged; 0 when none got a response
 * @param inFlight      items begun and not done at the end of the second; -1 when worker processes ran them
 * @param cpuProcessPct the agents' process CPU over the second, summed, in % of one core
 */
public record Second(int t, long itemsPerS, long failed, long p99Us, long inFlight, double cpuProcessPct) {}
