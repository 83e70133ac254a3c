package io.loadgrid.agent.run;

import io.loadgrid.common.metrics.Tally;

/**
 * What one run of a model produced in this JVM and its children.
 *
 * @param wallNanos   start instant to the completion of the last item
 * @param threadsPeak most live platform threads of this JVM during the run, plus each worker's own peak
 * @param inFlightPeak most items in flight at once in this JVM, plus each worker's own peak (for multiprocess, whose
 *                     workers run at once, the sum of their peaks)
 */
public record Outcome(Tally tally, long wallNanos, int threadsPeak, long inFlightPeak) {}
