package io.loadgrid.agent.worker;

import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.Chunk;

/** A worker's result for one chunk, passed to its parent agent, which commits it. */
public record ChunkDone(Chunk chunk, Tally.Encoded tally) {
}
