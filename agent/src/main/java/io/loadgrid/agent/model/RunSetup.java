package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.ChunkFeed;
import io.loadgrid.agent.task.Tasks;
import io.loadgrid.agent.worker.Children;
import io.loadgrid.common.plan.RunSpec;

/**
 * What a model is built from: the run's description, its task factory, the children whose resources and results
 * count as the generator's own, and the feed of leased chunks its items come from.
 */
public record RunSetup(RunSpec spec, Tasks tasks, Children children, ChunkFeed feed) {}
