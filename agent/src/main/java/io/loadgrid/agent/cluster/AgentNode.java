package io.loadgrid.agent.cluster;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import io.loadgrid.common.cluster.AgentState;
import io.loadgrid.common.cluster.AgentStatus;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.cluster.MemberConfig;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.process.Limits;
import io.loadgrid.common.security.PlanRefused;
import io.loadgrid.common.security.SignedPlan;
import io.loadgrid.common.security.TargetAllowlist;
import io.loadgrid.common.workload.Workload;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An agent's Hazelcast member: advertises its host (cores, memory, version) and its state, and runs the plans the
 * coordinator publishes, one at a time, once their signature and target pass its checks.
 */
public final class AgentNode implements AutoCloseable {
    private final HazelcastInstance hz;
    private final byte[] secret;
    private final TargetAllowlist allowlist;
    private final TakenRuns taken = new TakenRuns();
    private final ExecutorService runs = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("agent-run").factory());

    private AgentNode(HazelcastInstance hz, byte[] secret, TargetAllowlist allowlist) {
        this.hz = hz;
        this.secret = secret;
        this.allowlist = allowlist;
    }

    public static AgentNode join(ClusterSettings settings, TargetAllowlist allowlist) {
        Map<String, String> attributes = Map.of(
                ClusterNames.ROLE, ClusterNames.ROLE_AGENT,
                ClusterNames.CORES, Integer.toString(Runtime.getRuntime().availableProcessors()),
                ClusterNames.MEMORY_MB, Long.toString(physicalMemoryMb()),
                ClusterNames.VERSION, ClusterNames.VERSION_VALUE,
                ClusterNames.HOST, hostName());
        AgentNode node = new AgentNode(
                Hazelcast.newHazelcastInstance(MemberConfig.of(settings, false, attributes)),
                settings.secret(),
                allowlist);
        node.state(AgentState.IDLE);
        // back from a split, this member has a new uuid (Hazelcast gives a merged member one) and the larger side
        // dropped what this side wrote: it says it is idle again, under the new uuid, once any run it had is over (a
        // run ends when its coordinator is out of reach)
        node.hz.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.MERGED) {
                node.runs.execute(() -> node.state(AgentState.IDLE));
            }
        });
        RunBoard.onPlans(node.hz, (runId, plan) -> node.runs.execute(() -> node.consider(runId, plan)));
        return node;
    }

    private void consider(String runId, String signedJson) {
        String me = hz.getCluster().getLocalMember().getUuid().toString();
        ClusterPlan plan;
        SignedPlan signed;
        try {
            signed = RunBoard.plan(signedJson);
            plan = signed.verify(secret);
        } catch (RuntimeException e) {
            // whatever a stranger can put in the map (junk, nulls, another secret's plan) is refused, never thrown
            refuse(runId, me, e instanceof PlanRefused ? e.getMessage() : "the plan cannot be read: " + e);
            return;
        }
        if (!plan.agents().contains(me)) {
            // another agent's run, perhaps another coordinator's: none of this one's business
            return;
        }
        try {
            signed.checkPublishedAs(runId);
            if (!taken.first(runId)) {
                throw new PlanRefused("run " + runId + " was offered before: a replay");
            }
            signed.checkFresh(hz.getCluster().getClusterTime());
        } catch (PlanRefused e) {
            refuse(runId, me, e.getMessage());
            return;
        }
        try {
            if (plan.spec().workload() instanceof Workload.Http http) {
                allowlist.check(http.urls().base());
            }
            Limits.checkConcurrency(plan.spec().concurrency(), plan.spec().sendersPerNode());
        } catch (PlanRefused | IllegalArgumentException e) {
            refuse(runId, me, e.getMessage());
            return;
        }
        try {
            new AgentRun(hz, this, runId, plan).run();
        } catch (Exception | Error e) {
            if (!hz.getLifecycleService().isRunning()) {
                // the agent is leaving (its coordinator let it go): there is no one to tell
                return;
            }
            System.err.println("loadgrid agent: run " + runId + " failed: " + e);
            status(runId, new AgentStatus(AgentStatus.State.FAILED, e.toString()));
            state(AgentState.IDLE);
        }
    }

    private void refuse(String runId, String me, String reason) {
        System.err.println("loadgrid agent: refused plan " + runId + ": " + reason);
        status(runId, new AgentStatus(AgentStatus.State.REFUSED, reason));
    }

    void status(String runId, AgentStatus status) {
        String me = hz.getCluster().getLocalMember().getUuid().toString();
        new RunBoard(hz, runId).status(me, status);
    }

    public void state(AgentState state) {
        new AgentState.Board(hz).set(hz.getCluster().getLocalMember().getUuid().toString(), state);
    }

    public String describe() {
        var m = hz.getCluster().getLocalMember();
        return m.getUuid() + " at " + m.getAddress() + " in cluster '"
                + hz.getConfig().getClusterName() + "'";
    }

    @Override
    public void close() {
        runs.shutdownNow();
        if (hz.getLifecycleService().isRunning()) {
            hz.shutdown();
        }
    }

    /** Leaves at once, migrating nothing: the coordinator that started this agent is gone. */
    public void terminate() {
        runs.shutdownNow();
        hz.getLifecycleService().terminate();
    }

    private static long physicalMemoryMb() {
        return new oshi.SystemInfo().getHardware().getMemory().getTotal() / (1024 * 1024);
    }

    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
