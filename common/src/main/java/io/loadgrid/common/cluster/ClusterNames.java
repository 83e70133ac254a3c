package io.loadgrid.common.cluster;

/** Every Hazelcast structure and member attribute loadgrid uses, declared once. */
public final class ClusterNames {
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
    public static final String AGENT_STATE = "loadgrid.agent-state";

    public static final String DEFAULT_CLUSTER = "loadgrid";
    public static final int DEFAULT_PORT = 5701;
    public static final String VERSION_VALUE = "0.1.0";

    private ClusterNames() {
    }
}
