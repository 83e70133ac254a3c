package io.loadgrid.coordinator.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.cluster.MemberConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The coordinator's Hazelcast lite member: it holds no data, so losing it loses none. */
public final class CoordinatorNode implements AutoCloseable {
    private final HazelcastInstance hz;

    private CoordinatorNode(HazelcastInstance hz) {
        this.hz = hz;
    }

    public static CoordinatorNode join(ClusterSettings settings) {
        return new CoordinatorNode(Hazelcast.newHazelcastInstance(
                MemberConfig.of(settings, true, Map.of(ClusterNames.ROLE, ClusterNames.ROLE_COORDINATOR))));
    }

    public List<AgentInfo> agents() {
        Map<Object, Object> states = hz.getMap(ClusterNames.AGENT_STATE);
        return hz.getCluster().getMembers().stream()
                .filter(m -> ClusterNames.ROLE_AGENT.equals(m.getAttribute(ClusterNames.ROLE)))
                .map(m -> AgentInfo.of(m, String.valueOf(states.getOrDefault(m.getUuid().toString(), "unknown"))))
                .sorted(Comparator.comparing(AgentInfo::address))
                .toList();
    }

    @Override
    public void close() {
        hz.shutdown();
    }

    /** One agent as the coordinator sees it. */
    public record AgentInfo(String id, String address, String host, int cores, long memoryMb, String version, String state) {
        static AgentInfo of(Member m, String state) {
            return new AgentInfo(m.getUuid().toString().substring(0, 8), m.getAddress().getHost() + ":" + m.getAddress().getPort(),
                    m.getAttribute(ClusterNames.HOST), Integer.parseInt(m.getAttribute(ClusterNames.CORES)),
                    Long.parseLong(m.getAttribute(ClusterNames.MEMORY_MB)), m.getAttribute(ClusterNames.VERSION), state);
        }
    }
}
