package io.loadgrid.agent.run;

import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.plan.Slice;

/**
 * What a model is built from: the run's description, the items it covers (a slice, or in a cluster run a feed of
 * leased chunks, with a null slice), its task factory, and the children whose resources and results count as the
 * generator's own.
 */
public record RunSetup(RunSpec spec, Slice slice, Tasks tasks, Children children, ChunkFeed feed) {
}
