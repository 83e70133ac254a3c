package io.loadgrid.agent.worker;

import io.loadgrid.common.plan.ChunkLayout;
import io.loadgrid.common.plan.RunSpec;

/**
 * What the multiprocess model sends a worker JVM: the run, already turned into an async one, and the layout of the
 * chunks its parent will pass on.
 */
public record WorkerJob(RunSpec spec, ChunkLayout layout) {
}
