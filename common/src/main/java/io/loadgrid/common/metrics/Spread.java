package io.loadgrid.common.metrics;

import java.util.List;

/**
 * How a run was spread over agents, in a total only (both null in one node's result).
 *
 * @param nodes each agent's own figures; the total's counts and histograms are their sums
 */
public record Spread(ClusterSummary cluster, List<NodeResult> nodes) {
    public static final Spread NONE = new Spread(null, null);

    public Spread {
        nodes = nodes == null ? null : List.copyOf(nodes);
    }

    /**
     * How the run was spread.
     *
     * @param chunksReleased chunks handed back when their agent was lost
     * @param chunksRerun    of those, the ones another agent ran again (the lost one had not committed them)
     * @param missingItems   items of a count-bounded run that no committed chunk covers (0 unless stopped or agents
     *                       lost)
     */
    public record ClusterSummary(
            int agents,
            String split,
            long chunkSize,
            long chunks,
            long chunksReleased,
            long chunksRerun,
            List<String> lostNodes,
            long missingItems) {}

    /**
     * One agent's figures. A lost node keeps the chunks it committed; its bytes and resources are its last snapshot's.
     */
    public record NodeResult(
            String node,
            String address,
            String host,
            boolean lost,
            long chunks,
            long duplicateChunks,
            String error,
            RunResult result) {}
}
