package io.loadgrid.common.plan;

import java.util.List;

/**
 * A run as the coordinator hands it to its agents.
 *
 * @param agents      member uuids of the agents that take part; others ignore the plan
 * @param coordinator member uuid of the coordinator: without it, agents stop
 */
public record ClusterPlan(RunSpec spec, ChunkLayout layout, Split split, List<String> agents, String coordinator) {
    public ClusterPlan {
        agents = List.copyOf(agents);
    }

    /**
     * The plan for {@code spec} on {@code agents}, with chunks of {@code chunkSize} items (0: chosen here). With a
     * rate,
     * every process that sends (an agent, or each worker JVM of a multiprocess agent) owns one lane of the schedule.
     */
    public static ClusterPlan of(RunSpec spec, long chunkSize, Split split, List<String> agents, String coordinator) {
        long items = spec.plannedItems();
        long size = chunkSize > 0
                ? chunkSize
                : ChunkSizes.choose(items, agents.size(), spec.sendersPerNode(), spec.concurrency());
        int lanes = !spec.paced() ? 1 : agents.size() * spec.sendersPerNode();
        return new ClusterPlan(spec, new ChunkLayout(size, lanes, items), split, agents, coordinator);
    }

    /** The items of the whole run, or -1 when a duration bounds a closed loop. */
    public long items() {
        return layout.items();
    }

    public long chunkSize() {
        return layout.size();
    }

    public long chunks() {
        return layout.chunks();
    }

    public Chunk chunk(long id) {
        return layout.chunk(id);
    }
}
