package io.loadgrid.common.cluster;

/**
 * What the coordinator tells the agents of a run while it lasts, in cluster time (ms).
 *
 * @param startMs     the instant every agent starts, or 0 until all are ready
 * @param heartbeatMs refreshed every half second; an agent that sees it stale stops, because load must never continue
 *                    without its coordinator
 * @param stop        stop handing out items (the user interrupted the run)
 */
public record RunControl(long startMs, long heartbeatMs, boolean stop) {
    public static final long HEARTBEAT_MS = 500;
    /**
     * An agent stops generating load when the coordinator's heartbeat is this old. Long enough to ride out a partition
     * moving after an agent's host died; a coordinator that dies is noticed sooner, when it leaves the member list.
     */
    public static final long STALE_MS = 4000;
}
