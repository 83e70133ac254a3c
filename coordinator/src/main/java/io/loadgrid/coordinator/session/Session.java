package io.loadgrid.coordinator.session;

import com.hazelcast.cluster.Member;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.security.PlanRefused;
import io.loadgrid.common.security.TargetAllowlist;
import io.loadgrid.coordinator.cluster.CoordinatorNode;
import io.loadgrid.coordinator.local.LocalAgents;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.run.RunDriver;
import io.loadgrid.coordinator.run.RunObserver;
import io.loadgrid.coordinator.run.StopSwitch;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.UUID;

/**
 * A coordinator that stays up for many runs: one cluster membership, the local agent JVMs and the embedded target
 * are started once, so that a sweep's cells pay for JVM start-up once, not per repetition.
 */
public final class Session implements AutoCloseable {
    private static final long AGENT_WAIT_MS = 60_000;
    private final ClusterSettings settings;
    private final boolean local;
    private final CoordinatorNode node;
    private final String allowTarget;
    private LocalAgents agents;
    private final Targets targets;
    private boolean agentsUsed;

    private Session(
            ClusterSettings settings,
            boolean local,
            CoordinatorNode node,
            LocalAgents agents,
            String allowTarget,
            Targets targets) {
        this.allowTarget = allowTarget;
        this.settings = settings;
        this.local = local;
        this.node = node;
        this.agents = agents;
        this.targets = targets;
    }

    /**
     * Joins the cluster; in local mode (no --join) first starts {@code localAgents} agent JVMs allowed to load
     * loopback and {@code userTargets} (the hosts of URLs the user gave).
     */
    public static Session open(ClusterOptions cluster, int localAgents, List<String> userTargets) throws IOException {
        boolean local = cluster.join().isEmpty();
        ClusterSettings settings = local ? LocalSettings.fresh() : cluster.remote();
        CoordinatorNode node = CoordinatorNode.join(settings);
        try {
            String allow = LocalSettings.allowed(userTargets);
            LocalAgents agents =
                    local ? LocalAgents.start(Math.max(1, localAgents), node.port(), settings, allow) : null;
            return new Session(settings, local, node, agents, allow, new Targets());
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /**
     * Local mode: replaces the agent JVMs with fresh ones, so that a cell's memory, threads and JIT state are its own,
     * not left over from the cells before it (RSS hardly shrinks once a heap has grown).
     */
    public void freshLocalAgents() throws IOException {
        if (agents == null) {
            return;
        }
        int count = agents.size();
        agents.close();
        agents = LocalAgents.start(count, node.port(), settings, allowTarget);
        agentsUsed = false;
    }

    /** Local mode: whether the agent JVMs have run anything since they started (a long-lived coordinator's have). */
    public boolean agentsUsed() {
        return agentsUsed;
    }

    /**
     * Local mode: refuses targets the local agents were not started to load (a long-lived coordinator starts them
     * before it knows its sweeps), as bad input, rather than letting every run be refused.
     */
    public void checkLoadable(List<String> targets) {
        if (!local) {
            return;
        }
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

    /** With --join and no --agents: the idle agents present now, so that every run of a sweep uses as many. */
    public int idleAgentCount() throws InterruptedException {
        return node.idleAgents(0, 5_000).size();
    }

    public boolean local() {
        return local;
    }

    public CoordinatorNode node() {
        return node;
    }

    /** The run's spec with its target resolved (the embedded target started or kept), checked to be reachable. */
    public Resolved resolve(RunRequest run) throws IOException {
        return targets.resolve(run);
    }

    /** Runs one plan on {@code run.agents()} idle agents (local default 1; with --join 0 means all idle ones). */
    public RunResult run(
            RunRequest run, Resolved resolved, PrintStream err, Header header, RunObserver observer, StopSwitch stop)
            throws Exception {
        int wanted = local ? Math.max(1, run.agents()) : run.agents();
        List<Member> members = node.idleAgents(wanted, local || wanted > 0 ? AGENT_WAIT_MS : 5_000);
        if (members.isEmpty() || members.size() < wanted) {
            throw new IllegalArgumentException("found " + members.size() + " idle agent(s) in cluster '"
                    + settings.clusterName() + "', need " + Math.max(1, wanted)
                    + "; start agents with ./loadgrid agent --join ... or lower --agents");
        }
        agentsUsed = true;
        RunSpec spec = resolved.spec();
        ClusterPlan plan = ClusterPlan.of(
                spec,
                run.chunk(),
                run.split(),
                members.stream().map(m -> m.getUuid().toString()).toList(),
                node.uuid());
        return new RunDriver(
                        node.hz(),
                        "run-" + UUID.randomUUID().toString().substring(0, 8),
                        plan,
                        members,
                        settings.secret(),
                        resolved.target(),
                        err,
                        () -> header.ready(spec, resolved.target(), members.size()),
                        observer,
                        stop)
                .call();
    }

    @Override
    public void close() {
        try (node;
                targets) {
            if (agents != null) {
                agents.close();
            }
        }
    }

    /** Told once the agents are ready, just before the start instant. */
    @FunctionalInterface
    public interface Header {
        void ready(RunSpec spec, String target, int agents);
    }
}
