package io.loadgrid.common.cluster;

/**
 * Every Hazelcast structure and member attribute loadgrid uses, declared once. A run's structures are read and
 * written only through {@link RunBoard}, which keeps their values as JSON of the records in {@code common} (the chunk
 * book as an object); the agents' states only through {@link AgentState.Board}.
 */
public final class ClusterNames {
    /** What every structure's name starts with, so that one configuration (the merge policy) covers them all. */
    public static final String PREFIX = "loadgrid.";
    /** Member attribute: what a member is. */
    public static final String ROLE = "loadgrid.role";

    public static final String ROLE_AGENT = "agent";
    public static final String ROLE_COORDINATOR = "coordinator";
    /** Member attributes an agent advertises about its host. */
    public static final String CORES = "loadgrid.cores";

    public static final String MEMORY_MB = "loadgrid.memory_mb";
    public static final String VERSION = "loadgrid.version";
    public static final String HOST = "loadgrid.host";
    /** IMap: agent member uuid to its current state (idle, preparing, running). */
    public static final String AGENT_STATE = PREFIX + "agent-state";
    /** IMap: run id to its {@code SignedPlan}; agents listen for new entries. */
    public static final String PLANS = PREFIX + "plans";
    /** IMap: run id to its {@link ChunkBook}, changed only through {@link BookOp}. */
    public static final String BOOKS = PREFIX + "books";
    /** IMap: run id to its {@link RunControl}, written by the coordinator only. */
    public static final String CONTROL = PREFIX + "control";
    /** IMap: {@link #key run/agent} to that agent's {@link AgentStatus} for the run. */
    public static final String STATUS = PREFIX + "status";
    /** IMap: {@link #key run/agent} to the agent's final {@code NodeReport}. */
    public static final String REPORTS = PREFIX + "reports";

    private static final String CHUNKS = PREFIX + "chunks.";
    private static final String SNAPSHOTS = PREFIX + "snapshots.";

    public static final String DEFAULT_CLUSTER = "loadgrid";
    public static final int DEFAULT_PORT = 5701;
    public static final String VERSION_VALUE = "0.1.0";

    private ClusterNames() {}

    /** IMap of one run: chunk id to its {@code ChunkResult}, written once with putIfAbsent. */
    public static String chunks(String runId) {
        return CHUNKS + runId;
    }

    /** IQueue of one run: the agents' 1 Hz {@code NodeSnapshot}s, drained by the coordinator. */
    public static String snapshots(String runId) {
        return SNAPSHOTS + runId;
    }

    public static String key(String runId, String agent) {
        return runId + "/" + agent;
    }

    /** A member's address as users type it in {@code --join}: host:port. */
    public static String address(com.hazelcast.cluster.Member m) {
        return m.getAddress().getHost() + ":" + m.getAddress().getPort();
    }
}
