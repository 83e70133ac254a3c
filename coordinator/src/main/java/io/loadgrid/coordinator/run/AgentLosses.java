package io.loadgrid.coordinator.run;

import com.hazelcast.cluster.Member;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.metrics.NodeReport;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.coordinator.aggregate.Merge;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agents of one run as the coordinator keeps track of them: which were lost before reporting, and which chunks
 * were handed from an agent to the others, lost or done, so that the merge can say what ran again.
 */
final class AgentLosses {
    private final RunBoard board;
    private final PrintStream err;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, String> lost = new ConcurrentHashMap<>();
    private final Map<Long, String> releasedFrom = new ConcurrentHashMap<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    AgentLosses(RunBoard board, List<Member> agents, PrintStream err) {
        this.board = board;
        this.err = err;
        agents.forEach(m -> members.put(m.getUuid().toString(), m));
    }

    /** An agent that left, or failed, before reporting: its leased chunks go to the others. */
    void lose(String agent, String why) {
        if (!members.containsKey(agent) || board.reported(agent) || lost.putIfAbsent(agent, why) != null) {
            return;
        }
        List<Long> back = board.release(agent);
        back.forEach(c -> releasedFrom.put(c, agent));
        err.printf(
                "loadgrid run: agent %s %s; %d uncommitted chunk(s) go to the others%n",
                describe(agent), why, back.size());
    }

    /**
     * An agent reported: whatever it still holds (a chunk it could not commit, a static share it did not run) goes to
     * those still running, so nobody waits for it forever.
     */
    void reported(String agent) {
        if (done.add(agent)) {
            board.release(agent).forEach(c -> releasedFrom.put(c, agent));
        }
    }

    boolean isLost(String agent) {
        return lost.containsKey(agent);
    }

    Map<Long, String> releasedFrom() {
        return Map.copyOf(releasedFrom);
    }

    Merge.Node node(String agent, NodeReport report, NodeSnapshot last) {
        Member m = members.get(agent);
        return new Merge.Node(
                agent,
                ClusterNames.address(m),
                m.getAttribute(ClusterNames.HOST),
                Integer.parseInt(m.getAttribute(ClusterNames.CORES)),
                report,
                last,
                lost.containsKey(agent));
    }

    String describe(String agent) {
        Member m = members.get(agent);
        return agent.substring(0, 8) + (m == null ? "" : " (" + ClusterNames.address(m) + ")");
    }
}
