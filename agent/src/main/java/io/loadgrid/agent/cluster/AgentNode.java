package io.loadgrid.agent.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.cluster.MemberConfig;
import java.net.InetAddress;
import java.util.Map;

/** An agent's Hazelcast member: advertises its host (cores, memory, version) and its state to the coordinator. */
public final class AgentNode implements AutoCloseable {
    private final HazelcastInstance hz;

    private AgentNode(HazelcastInstance hz) {
        this.hz = hz;
    }

    public static AgentNode join(ClusterSettings settings) {
        Map<String, String> attributes = Map.of(
                ClusterNames.ROLE, ClusterNames.ROLE_AGENT,
                ClusterNames.CORES, Integer.toString(Runtime.getRuntime().availableProcessors()),
                ClusterNames.MEMORY_MB, Long.toString(physicalMemoryMb()),
                ClusterNames.VERSION, ClusterNames.VERSION_VALUE,
                ClusterNames.HOST, hostName());
        AgentNode node = new AgentNode(Hazelcast.newHazelcastInstance(MemberConfig.of(settings, false, attributes)));
        node.state(AgentState.IDLE);
        return node;
    }

    public void state(AgentState state) {
        hz.getMap(ClusterNames.AGENT_STATE).set(hz.getCluster().getLocalMember().getUuid().toString(), state.key());
    }

    public String describe() {
        var m = hz.getCluster().getLocalMember();
        return m.getUuid() + " at " + m.getAddress() + " in cluster '" + hz.getConfig().getClusterName() + "'";
    }

    @Override
    public void close() {
        hz.shutdown();
    }

    private static long physicalMemoryMb() {
        return new oshi.SystemInfo().getHardware().getMemory().getTotal() / (1024 * 1024);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
