package io.loadgrid.coordinator.session;

import io.loadgrid.coordinator.cluster.CoordinatorNode;
import io.loadgrid.coordinator.request.RunRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** With --join: the idle agents of the cluster this session joined, on other hosts. */
final class JoinedAgentSource implements AgentSource {
    private final CoordinatorNode node;

    JoinedAgentSource(CoordinatorNode node) {
        this.node = node;
    }

    @Override
    public String mode() {
        return "cluster";
    }

    @Override
    public boolean onThisHost() {
        return false;
    }

    @Override
    public int wanted(int asked) {
        return asked;
    }

    /** "Every idle agent" is whoever is idle within a few seconds; a count asked for is waited for longer. */
    @Override
    public long waitMs(int wanted) {
        return wanted > 0 ? AGENT_WAIT_MS : 5_000;
    }

    /**
     * Runs that name no agent count run on the idle agents present at the start, all of them, every run: "every idle
     * agent" taken anew per run would depend on how fast agents went back to idle.
     */
    @Override
    public Map<String, RunRequest> pin(Map<String, RunRequest> runs) throws InterruptedException {
        int idle = node.idleAgents(0, 5_000).size();
        Map<String, RunRequest> out = new LinkedHashMap<>();
        runs.forEach((id, r) -> out.put(id, r.agents() > 0 ? r : r.onAgents(Math.max(1, idle))));
        return out;
    }

    @Override
    public String resumeHint() {
        return " and the same --join options";
    }

    @Override
    public String describe() {
        return "cluster joined";
    }
}
