package io.loadgrid.coordinator.run;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.AgentStatus;
import io.loadgrid.common.cluster.ChunkBook;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.cluster.RunControl;
import io.loadgrid.common.metrics.ChunkResult;
import io.loadgrid.common.metrics.NodeReport;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.security.SignedPlan;
import io.loadgrid.coordinator.aggregate.Merge;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One run across the cluster, as the coordinator drives it: publish the signed plan and its chunk book, wait until
 * every agent is ready, give one start instant in cluster time, keep the heartbeat while showing progress, hand a
 * lost agent's chunks to the others, and collect the committed chunks and node reports.
 */
public final class ClusterRun implements AutoCloseable {
    private static final long READY_TIMEOUT_MS = 120_000;
    /** Time for every agent to see the start instant before it comes. */
    private static final long START_LEAD_MS = 300;

    private final HazelcastInstance hz;
    private final String runId;
    private final ClusterPlan plan;
    private final PrintStream err;
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private final Map<String, String> lost = new ConcurrentHashMap<>();
    private final Map<Long, String> releasedFrom = new ConcurrentHashMap<>();
    private final java.util.Set<String> done = ConcurrentHashMap.newKeySet();
    private final RunBoard board;
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("coordinator-heartbeat").factory());
    private final UUID listener;
    private volatile RunControl current;
    private volatile boolean stopRequested;

    public ClusterRun(HazelcastInstance hz, String runId, ClusterPlan plan, List<Member> agents, PrintStream err) {
        this.hz = hz;
        this.runId = runId;
        this.plan = plan;
        this.err = err;
        agents.forEach(m -> members.put(m.getUuid().toString(), m));
        this.board = new RunBoard(hz, runId);
        this.listener = hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {}

            @Override
            public void memberRemoved(MembershipEvent e) {
                lose(e.getMember().getUuid().toString(), "left the cluster");
            }
        });
    }

    /** Publishes the plan and waits until every agent is ready; a refusal or failure is one line, thrown. */
    public void prepare(byte[] secret) throws InterruptedException {
        ChunkBook book = ChunkBook.of(plan);
        book.stopped = stopRequested;
        board.openBook(book);
        publish(new RunControl(0, 0, false));
        heartbeat.scheduleAtFixedRate(
                this::beat, RunControl.HEARTBEAT_MS, RunControl.HEARTBEAT_MS, TimeUnit.MILLISECONDS);
        board.publish(SignedPlan.sign(runId, plan, secret));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        while (!current.stop()) {
            int ready = 0;
            for (String agent : plan.agents()) {
                if (lost.containsKey(agent)) {
                    throw new IllegalStateException("agent " + describe(agent) + " left the cluster before the start");
                }
                AgentStatus st = board.status(agent);
                if (st != null && st.state() != AgentStatus.State.READY) {
                    throw new PlanRejected("agent " + describe(agent) + " "
                            + st.state().name().toLowerCase() + " the plan: " + st.reason());
                }
                ready += st == null ? 0 : 1;
            }
            if (ready == plan.agents().size()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("agents were not ready within " + READY_TIMEOUT_MS / 1000 + " s");
            }
            Thread.sleep(20);
        }
    }

    /** The run's structures in the cluster. */
    RunBoard board() {
        return board;
    }

    public boolean stopped() {
        return current != null && current.stop();
    }

    /** Starts every agent at one instant in cluster time; returns it. */
    public synchronized long start() {
        long start = hz.getCluster().getClusterTime() + START_LEAD_MS;
        publish(new RunControl(start, 0, current.stop()));
        return start;
    }

    /** Stops handing out items everywhere: in-flight items finish and count. */
    public synchronized void stop() {
        stopRequested = true;
        if (current != null) {
            board.stopBook();
            publish(new RunControl(current.startMs(), 0, true));
        }
    }

    private synchronized void beat() {
        publish(current);
    }

    /** Writes the control entry with a fresh heartbeat; a stop, once asked for, stays. */
    private synchronized void publish(RunControl c) {
        current = new RunControl(c.startMs(), hz.getCluster().getClusterTime(), c.stop() || stopRequested);
        board.control(current);
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

    public List<String> agents() {
        return plan.agents();
    }

    public boolean isLost(String agent) {
        return lost.containsKey(agent);
    }

    public NodeReport report(String agent) {
        return board.report(agent);
    }

    /** An agent that failed or refused counts as lost. */
    public void checkFailures() {
        for (String agent : plan.agents()) {
            AgentStatus st = board.status(agent);
            if (st != null && st.state() != AgentStatus.State.READY) {
                lose(agent, st.state().name().toLowerCase() + ": " + st.reason());
            }
        }
    }

    /**
     * An agent reported: whatever it still holds (a chunk it could not commit, a static share it did not run) goes to
     * those still running, so nobody waits for it forever.
     */
    public void reported(String agent) {
        if (done.add(agent)) {
            board.release(agent).forEach(c -> releasedFrom.put(c, agent));
        }
    }

    public List<ChunkResult> chunks() {
        return board.results();
    }

    public Map<Long, String> releasedFrom() {
        return Map.copyOf(releasedFrom);
    }

    public Merge.Node node(String agent, NodeReport report, io.loadgrid.common.metrics.NodeSnapshot last) {
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

    public String describe(String agent) {
        Member m = members.get(agent);
        return agent.substring(0, 8) + (m == null ? "" : " (" + ClusterNames.address(m) + ")");
    }

    /** Removes every trace of the run from the cluster. */
    @Override
    public void close() {
        heartbeat.shutdownNow();
        hz.getCluster().removeMembershipListener(listener);
        try {
            board.clear(plan.agents());
        } catch (RuntimeException e) {
            // the cluster may be gone already; nothing of the result depends on this
        }
    }
}
