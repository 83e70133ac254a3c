package io.loadgrid.coordinator.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.AgentState;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.cluster.MemberConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The coordinator's Hazelcast member. With --join it holds data: when a host that was cut off comes back, Hazelcast
 * merges the side with fewer data members into the other, and with a lite coordinator one agent cut off from one
 * other was a tie, settled by address hash, that could reset the coordinator's side in the middle of a run (seen in
 * the partition test). Its own local agents share its host, where no split can happen, and a lite member spares it the
 * migrations of agents restarted for every cell; a member that only looks ({@code ./loadgrid agents}) is lite too.
 */
public final class CoordinatorNode implements AutoCloseable {
    private final HazelcastInstance hz;

    private CoordinatorNode(HazelcastInstance hz) {
        this.hz = hz;
    }

    /** @param holdsData whether this member holds data: a coordinator of agents it joined (--join) */
    public static CoordinatorNode join(ClusterSettings settings, boolean holdsData) {
        return new CoordinatorNode(Hazelcast.newHazelcastInstance(
                MemberConfig.of(settings, !holdsData, Map.of(ClusterNames.ROLE, ClusterNames.ROLE_COORDINATOR))));
    }

    public HazelcastInstance hz() {
        return hz;
    }

    public String uuid() {
        return hz.getCluster().getLocalMember().getUuid().toString();
    }

    public int port() {
        return hz.getCluster().getLocalMember().getAddress().getPort();
    }

    public List<AgentInfo> agents() {
        List<Member> present = agentMembers();
        AgentState.Board states = new AgentState.Board(hz);
        // an empty list asks no map: a lite coordinator has none of its own
        return present.stream()
                .map(m -> {
                    AgentState s = states.of(m.getUuid().toString());
                    return AgentInfo.of(m, s == null ? "unknown" : s.key());
                })
                .toList();
    }

    /** Agent members in the cluster now, whatever their state. */
    public int agentCount() {
        return hz.getLifecycleService().isRunning() ? agentMembers().size() : 0;
    }

    private List<Member> agentMembers() {
        return hz.getCluster().getMembers().stream()
                .filter(m -> ClusterNames.ROLE_AGENT.equals(m.getAttribute(ClusterNames.ROLE)))
                .sorted(Comparator.comparing(m -> m.getAddress().toString()))
                .toList();
    }

    /**
     * The idle agents to run on: {@code wanted} of them (waiting up to {@code timeoutMs} for them to join), or every
     * idle agent present when {@code wanted} is 0.
     */
    public List<Member> idleAgents(int wanted, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            List<Member> present = agentMembers();
            // the state map may live on agents only (this member is lite): ask it only once one is there
            AgentState.Board states = new AgentState.Board(hz);
            List<Member> idle = present.isEmpty()
                    ? List.of()
                    : present.stream()
                            .filter(m -> states.of(m.getUuid().toString()) == AgentState.IDLE)
                            .toList();
            if (wanted > 0 && idle.size() >= wanted) {
                return idle.subList(0, wanted);
            }
            if (wanted == 0 && !idle.isEmpty()) {
                return idle;
            }
            if (System.nanoTime() > deadline) {
                return idle;
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        hz.shutdown();
    }

    /** One agent as the coordinator sees it. */
    public record AgentInfo(
            String id, String address, String host, int cores, long memoryMb, String version, String state) {
        static AgentInfo of(Member m, String state) {
            return new AgentInfo(
                    m.getUuid().toString().substring(0, 8),
                    ClusterNames.address(m),
                    m.getAttribute(ClusterNames.HOST),
                    Integer.parseInt(m.getAttribute(ClusterNames.CORES)),
                    Long.parseLong(m.getAttribute(ClusterNames.MEMORY_MB)),
                    m.getAttribute(ClusterNames.VERSION),
                    state);
        }
    }
}
