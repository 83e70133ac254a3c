package io.loadgrid.agent.worker;

import io.loadgrid.common.metrics.Tally;

/** What a worker JVM sends back once its items are done. */
public record WorkerReport(Tally.Encoded tally, int threadsPeak) {
}
