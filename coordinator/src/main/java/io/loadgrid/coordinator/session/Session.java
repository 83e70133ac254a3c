package io.loadgrid.coordinator.session;

import com.hazelcast.cluster.Member;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.coordinator.cluster.CoordinatorNode;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.run.ObjectiveGuard;
import io.loadgrid.coordinator.run.RunDriver;
import io.loadgrid.coordinator.run.RunObserver;
import io.loadgrid.coordinator.run.StopSwitch;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A coordinator that stays up for many runs: one cluster membership, the local agent JVMs and the embedded target
 * are started once, so that a sweep's cells pay for JVM start-up once, not per repetition.
 */
public final class Session implements AutoCloseable {
    private final ClusterSettings settings;
    private final CoordinatorNode node;
    private final AgentSource agents;
    private final Targets targets;

    private Session(ClusterSettings settings, CoordinatorNode node, AgentSource agents, Targets targets) {
        this.settings = settings;
        this.node = node;
        this.agents = agents;
        this.targets = targets;
    }

    /**
     * Joins the cluster; in local mode (no --join) first starts {@code localAgents} agent JVMs allowed to load
     * loopback and {@code userTargets} (the hosts of URLs the user gave). The one place local and joined part ways.
     * With {@code targetLatencyMs} (the first run's, when it uses the embedded target) that target starts at once too,
     * so that its JVM comes up beside the coordinator's and the agents'.
     */
    public static Session open(
            ClusterOptions cluster, int localAgents, List<String> userTargets, OptionalDouble targetLatencyMs)
            throws IOException {
        Targets targets = new Targets();
        if (targetLatencyMs.isPresent()) {
            targets.launch(targetLatencyMs.getAsDouble());
        }
        try {
            return open(cluster, localAgents, userTargets, targets);
        } catch (IOException | RuntimeException e) {
            targets.close();
            throw e;
        }
    }

    private static Session open(ClusterOptions cluster, int localAgents, List<String> userTargets, Targets targets)
            throws IOException {
        boolean local = cluster.join().isEmpty();
        ClusterSettings settings = local ? LocalSettings.fresh() : cluster.remote();
        // local agent JVMs start first: their start-up overlaps the coordinator's, which they then join
        LocalAgentSource launched =
                local ? LocalAgentSource.launch(localAgents, settings, LocalSettings.allowed(userTargets)) : null;
        CoordinatorNode node;
        try {
            node = CoordinatorNode.join(settings, !local);
        } catch (RuntimeException e) {
            if (launched != null) {
                launched.close();
            }
            throw e;
        }
        try {
            AgentSource agents = local ? launched.joined(node.port()) : new JoinedAgentSource(node);
            return new Session(settings, node, agents, targets);
        } catch (IOException | RuntimeException e) {
            node.close();
            throw e;
        }
    }

    /** Where the agents come from, and all that differs between local JVMs and a joined cluster. */
    public AgentSource agents() {
        return agents;
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
            RunRequest run,
            Resolved resolved,
            PrintStream err,
            Header header,
            RunObserver observer,
            StopSwitch stop,
            ObjectiveGuard guard)
            throws Exception {
        int wanted = agents.wanted(run.agents());
        List<Member> members = node.idleAgents(wanted, agents.waitMs(wanted));
        if (members.isEmpty() || members.size() < wanted) {
            throw new IllegalArgumentException("found " + members.size() + " idle agent(s) in cluster '"
                    + settings.clusterName() + "', need " + Math.max(1, wanted)
                    + "; start agents with ./loadgrid agent --join ... or lower --agents");
        }
        agents.using();
        RunSpec spec = resolved.spec();
        ClusterPlan plan = ClusterPlan.of(
                spec,
                run.chunk(),
                run.split(),
                members.stream().map(m -> m.getUuid().toString()).toList(),
                node.uuid());
        return new RunDriver(
                        new RunDriver.Crew(node.hz(), members, settings.secret()),
                        plan,
                        resolved.target(),
                        new RunDriver.Watch(
                                err,
                                () -> header.ready(spec, resolved.target(), members.size()),
                                observer,
                                stop,
                                guard))
                .call();
    }

    @Override
    public void close() {
        try (node;
                targets;
                agents) {
            // closed in reverse: the agents, the target, then the coordinator's membership
        }
    }

    /** Told once the agents are ready, just before the start instant. */
    @FunctionalInterface
    public interface Header {
        void ready(RunSpec spec, String target, int agents);
    }
}
