package io.loadgrid.coordinator.session;

import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.security.PlanRefused;
import io.loadgrid.common.security.TargetAllowlist;
import io.loadgrid.coordinator.local.LocalAgents;
import java.io.IOException;
import java.util.List;

/** Local mode: agent JVMs this session starts on this host, allowed to load loopback and the targets named. */
final class LocalAgentSource implements AgentSource {
    private final int port;
    private final ClusterSettings settings;
    private final String allowTarget;
    private LocalAgents agents;
    private boolean used;

    private LocalAgentSource(int port, ClusterSettings settings, String allowTarget, LocalAgents agents) {
        this.port = port;
        this.settings = settings;
        this.allowTarget = allowTarget;
        this.agents = agents;
    }

    /** Starts the agent JVMs, to join a coordinator about to listen on {@code settings.port()}. */
    static LocalAgentSource launch(int count, ClusterSettings settings, String allowTarget) throws IOException {
        int port = settings.port();
        return new LocalAgentSource(
                port, settings, allowTarget, LocalAgents.launch(Math.max(1, count), port, settings, allowTarget));
    }

    /** Waits until the agents have joined the coordinator, now listening on {@code coordinatorPort}. */
    LocalAgentSource joined(int coordinatorPort) throws IOException {
        if (coordinatorPort != port) {
            // the port was taken between choosing and binding it: the agents look elsewhere, so start them again
            agents.close();
            return new LocalAgentSource(
                    coordinatorPort,
                    settings,
                    allowTarget,
                    LocalAgents.start(agents.size(), coordinatorPort, settings, allowTarget));
        }
        agents.awaitJoined();
        return this;
    }

    @Override
    public String mode() {
        return "local";
    }

    @Override
    public boolean onThisHost() {
        return true;
    }

    @Override
    public int wanted(int asked) {
        return Math.max(1, asked);
    }

    /**
     * A long-lived coordinator starts its agents before it knows its sweeps: a target they may not load is refused
     * here, in one line, rather than by every run.
     */
    @Override
    public void checkLoadable(List<String> targets) {
        TargetAllowlist allowed = TargetAllowlist.parse(allowTarget);
        for (String t : targets) {
            try {
                allowed.check(t);
            } catch (PlanRefused e) {
                throw new IllegalArgumentException(
                        "this coordinator runs in local mode, whose agents load only " + allowTarget + ", not " + t
                                + "; use its embedded target (no --base), or start the coordinator with --join "
                                + "and agents allowed to load it");
            }
        }
    }

    @Override
    public void using() {
        used = true;
    }

    /**
     * Replaces the agent JVMs with fresh ones, so that a cell's memory, threads and JIT state are its own, not left
     * over from the cells before it (RSS hardly shrinks once a heap has grown).
     */
    @Override
    public void freshen() throws IOException {
        if (!used) {
            return;
        }
        int count = agents.size();
        agents.close();
        agents = LocalAgents.start(count, port, settings, allowTarget);
        used = false;
    }

    @Override
    public String describe() {
        return agents.size() + " local agent(s)";
    }

    @Override
    public void close() {
        agents.close();
    }
}
