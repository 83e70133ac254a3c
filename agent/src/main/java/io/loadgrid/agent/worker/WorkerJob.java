package io.loadgrid.agent.worker;

import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.plan.Slice;

/**
 * What the multiprocess model sends a worker JVM: the run, already turned into an async one, and its items: a slice,
 * or in a cluster run ({@code chunkSize > 0}, null slice) the chunks its parent will pass on.
 */
public record WorkerJob(RunSpec spec, Slice slice, long chunkSize) {
}
