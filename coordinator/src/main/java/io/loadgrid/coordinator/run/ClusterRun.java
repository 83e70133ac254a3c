package io.loadgrid.coordinator.run;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.AgentStatus;
import io.loadgrid.common.cluster.ChunkBook;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.cluster.RunControl;
import io.loadgrid.common.metrics.ChunkResult;
import io.loadgrid.common.metrics.NodeReport;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.security.SignedPlan;
import io.loadgrid.coordinator.aggregate.Merge;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
    private final RunBoard board;
    private final AgentLosses losses;
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
        this.board = new RunBoard(hz, runId);
        this.losses = new AgentLosses(board, agents, err);
        this.listener = hz.getCluster().addMembershipListener(new MembershipListener() {
            @Override
            public void memberAdded(MembershipEvent e) {}

            @Override
            public void memberRemoved(MembershipEvent e) {
                losses.lose(e.getMember().getUuid().toString(), "left the cluster");
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
        board.publish(SignedPlan.sign(runId, hz.getCluster().getClusterTime(), plan, secret));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MS);
        while (!current.stop()) {
            int ready = 0;
            for (String agent : plan.agents()) {
                if (losses.isLost(agent)) {
                    throw new IllegalStateException("agent " + describe(agent) + " left the cluster before the start");
                }
                AgentStatus st = board.status(agent);
                if (st != null && st.state() != AgentStatus.State.READY) {
                    throw new PlanRejected("agent " + describe(agent) + " "
                            + st.state().name().toLowerCase(Locale.ROOT) + " the plan: " + st.reason());
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

    public List<String> agents() {
        return plan.agents();
    }

    public boolean isLost(String agent) {
        return losses.isLost(agent);
    }

    public NodeReport report(String agent) {
        return board.report(agent);
    }

    /** An agent that failed or refused counts as lost. */
    public void checkFailures() {
        for (String agent : plan.agents()) {
            AgentStatus st = board.status(agent);
            if (st != null && st.state() != AgentStatus.State.READY) {
                losses.lose(agent, st.state().name().toLowerCase(Locale.ROOT) + ": " + st.reason());
            }
        }
    }

    /** An agent reported: what it still holds goes to those still running. */
    public void reported(String agent) {
        losses.reported(agent);
    }

    public List<ChunkResult> chunks() {
        return board.results();
    }

    public Map<Long, String> releasedFrom() {
        return losses.releasedFrom();
    }

    public Merge.Node node(String agent, NodeReport report, NodeSnapshot last) {
        return losses.node(agent, report, last);
    }

    public String describe(String agent) {
        return losses.describe(agent);
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
