package io.loadgrid.agent.worker;

import io.loadgrid.common.metrics.Tally;

/**
 * What a worker JVM sends back once its items are done.
 *
 * @param lastEnd nanoTime of its last completed item (one clock for every process on a host), or Long.MIN_VALUE
 */
public record WorkerReport(Tally.Encoded tally, int threadsPeak, long lastEnd, long inFlightPeak) {}
