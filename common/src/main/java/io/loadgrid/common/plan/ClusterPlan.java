package io.loadgrid.common.plan;

import java.util.List;

/**
 * A run as the coordinator hands it to its agents.
 *
 * @param items       the items of the whole run, or -1 when a duration bounds a closed loop
 * @param agents      member uuids of the agents that take part; others ignore the plan
 * @param coordinator member uuid of the coordinator: without it, agents stop
 */
public record ClusterPlan(RunSpec spec, long items, long chunkSize, Split split, List<String> agents, String coordinator) {
    public ClusterPlan {
        agents = List.copyOf(agents);
    }

    public long chunks() {
        return items < 0 ? -1 : (items + chunkSize - 1) / chunkSize;
    }

    public Chunk chunk(long id) {
        return Chunk.of(id, chunkSize, items);
    }
}
