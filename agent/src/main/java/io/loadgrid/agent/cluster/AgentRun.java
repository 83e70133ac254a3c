package io.loadgrid.agent.cluster;

import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.agent.metrics.GeneratorThreads;
import io.loadgrid.agent.metrics.ResourceSampler;
import io.loadgrid.agent.run.Engine;
import io.loadgrid.agent.run.Outcome;
import io.loadgrid.common.cluster.AgentState;
import io.loadgrid.common.cluster.AgentStatus;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.cluster.RunControl;
import io.loadgrid.common.metrics.NodeReport;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.ClusterPlan;
import java.util.concurrent.TimeUnit;

/**
 * One plan on one agent, from prepare to report: set up the model, say ready, start at the common instant, run
 * leased chunks while the coordinator is there, commit them, and leave a final report. Then the agent waits again.
 */
final class AgentRun {
    /** How long an agent waits for the start instant once it is ready. */
    private static final long START_TIMEOUT_MS = 120_000;

    private final HazelcastInstance hz;
    private final AgentNode node;
    private final String runId;
    private final ClusterPlan plan;
    private final String me;
    private final RunBoard board;
    private final CoordinatorWatch watch;

    AgentRun(HazelcastInstance hz, AgentNode node, String runId, ClusterPlan plan) {
        this.hz = hz;
        this.node = node;
        this.runId = runId;
        this.plan = plan;
        this.me = hz.getCluster().getLocalMember().getUuid().toString();
        this.board = new RunBoard(hz, runId);
        this.watch = new CoordinatorWatch(hz, board, plan.coordinator());
    }

    void run() throws Exception {
        node.state(AgentState.PREPARING);
        try (ChunkCommitter committer = new ChunkCommitter(board, me);
                Engine engine = Engine.prepare(plan.spec(), new ClusterChunks(board, me, plan, committer));
                ResourceSampler sampler = new ResourceSampler(engine.children()::alive)) {
            node.status(runId, AgentStatus.ready());
            Long start = awaitStart();
            node.state(AgentState.RUNNING);
            Outcome outcome;
            boolean lostCoordinator;
            try (LiveReporting live =
                    new LiveReporting(board, me, engine, sampler, watch, start == null ? System.nanoTime() : start)) {
                // stopped or abandoned before the start: run nothing, but still report so the coordinator can finish
                outcome = start == null ? new Outcome(Tally.empty(), 0, 0, 0) : engine.run(start, sampler);
                lostCoordinator = live.coordinatorLost() || watch.look() instanceof CoordinatorWatch.Seen.Gone;
            }
            committer.drain(30_000);
            Resources resources = sampler.stop(GeneratorThreads.ofPeak(outcome.threadsPeak()), outcome.wallNanos());
            String error = lostCoordinator
                    ? "the coordinator went away; load stopped"
                    : committer.failure() != null ? "committing chunks failed: " + committer.failure() : null;
            var m = hz.getCluster().getLocalMember();
            NodeReport report = new NodeReport(
                    me,
                    ClusterNames.address(m),
                    AgentNode.hostName(),
                    outcome.wallNanos(),
                    outcome.tally().bytesUp(),
                    outcome.tally().bytesDown(),
                    resources,
                    committer.duplicates(),
                    error);
            board.report(me, report);
            if (lostCoordinator) {
                System.err.println("loadgrid agent: run " + runId
                        + ": the coordinator went away; stopped generating load and waiting again");
            }
        } finally {
            node.state(AgentState.IDLE);
        }
    }

    /** The start instant as this host's nanoTime, or null when the coordinator went away or gave up first. */
    private Long awaitStart() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            CoordinatorWatch.Seen seen = watch.look();
            if (seen instanceof CoordinatorWatch.Seen.Gone) {
                return null;
            }
            if (!(seen instanceof CoordinatorWatch.Seen.Control(RunControl c))) {
                Thread.sleep(10);
                continue;
            }
            if (c.stop()) {
                return null;
            }
            if (c.startMs() > 0) {
                long now = System.nanoTime();
                return now + TimeUnit.MILLISECONDS.toNanos(c.startMs() - watch.clusterTime());
            }
            Thread.sleep(10);
        }
        return null;
    }
}
