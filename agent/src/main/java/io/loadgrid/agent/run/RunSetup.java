package io.loadgrid.agent.run;

import io.loadgrid.common.plan.RunSpec;

/**
 * What a model is built from: the run's description, its task factory, the children whose resources and results
 * count as the generator's own, and the feed of leased chunks its items come from.
 */
public record RunSetup(RunSpec spec, Tasks tasks, Children children, ChunkFeed feed) {}
