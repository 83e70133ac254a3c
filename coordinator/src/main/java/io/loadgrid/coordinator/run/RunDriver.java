package io.loadgrid.coordinator.run;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.TargetCounts;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.workload.Workload;
import io.loadgrid.coordinator.aggregate.Merge;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Drives one cluster run from plan to merged result, with the live progress line and Ctrl-C handling. */
public final class RunDriver implements Callable<RunResult> {
    private static final long POLL_MS = 200;
    private final Crew crew;
    private final String runId = "run-" + UUID.randomUUID().toString().substring(0, 8);
    private final ClusterPlan plan;
    private final String target;
    private final Watch watch;

    /**
     * The agents a run goes to.
     *
     * @param secret the key its plan is signed with, which the agents check
     */
    public record Crew(HazelcastInstance hz, List<Member> members, byte[] secret) {}

    /**
     * Who follows a run and who may stop it.
     *
     * @param err      where progress goes
     * @param onReady  called once the agents are ready, just before the start instant
     * @param observer sees live snapshots and the merged result
     * @param stop     stops the run as Ctrl-C does, from elsewhere (a sweep's client going away)
     */
    public record Watch(
            PrintStream err, Runnable onReady, RunObserver observer, StopSwitch stop, ObjectiveGuard guard) {}

    public RunDriver(Crew crew, ClusterPlan plan, String target, Watch watch) {
        this.crew = crew;
        this.plan = plan;
        this.target = target;
        this.watch = watch;
    }

    @Override
    public RunResult call() throws Exception {
        boolean finished = false;
        try {
            RunResult result = drive();
            finished = true;
            return result;
        } finally {
            if (!finished) {
                watch.observer().aborted();
            }
        }
    }

    private RunResult drive() throws Exception {
        PrintStream err = watch.err();
        StopSwitch stop = watch.stop();
        TargetReadings readings = new TargetReadings(plan.spec().workload() instanceof Workload.Http ? target : null);
        try (ClusterRun run = new ClusterRun(crew.hz(), runId, plan, crew.members(), err)) {
            Map<String, String> addresses = new HashMap<>();
            crew.members().forEach(m -> addresses.put(m.getUuid().toString(), ClusterNames.address(m)));
            Timeline timeline = new Timeline();
            // a terminal gets the line redrawn in place; a log or a remote client gets whole lines
            Progress progress = new Progress(
                    run.board(),
                    plan.items(),
                    err,
                    err == System.err && System.console() != null,
                    RunObserver.both(timeline, RunObserver.both(watch.observer(), watch.guard())),
                    addresses);
            String stoppedBy = null;
            long start;
            boolean interrupted;
            TargetCounts.Reading before;
            // from here on Ctrl-C stops the run and reports what was measured, even before the agents start
            try (Interrupts interrupts = new Interrupts(run::stop, err);
                    StopSwitch.Handle asked = stop.during(run::stop)) {
                // read while the agents prepare: nothing they do before the start instant reaches the target's
                // counts (their connections carry no bytes until then)
                before = readings.around(() -> run.prepare(crew.secret()));
                watch.onReady().run();
                start = run.start();
                timeline.started(start);
                watch.guard().started(start);
                long nextLine = 0;
                while (!finished(run)) {
                    Thread.sleep(POLL_MS);
                    run.checkFailures();
                    if (System.nanoTime() >= nextLine) {
                        progress.poll();
                        nextLine = System.nanoTime() + 1_000_000_000L;
                        Optional<String> lost =
                                stoppedBy == null ? watch.guard().lost() : Optional.empty();
                        if (lost.isPresent()) {
                            stoppedBy = lost.get();
                            err.println("loadgrid: " + stoppedBy + "; stopping the run (--abort-on-fail)");
                            run.stop();
                        }
                    }
                }
                interrupted = interrupts.fired() || stop.requested();
            }
            progress.poll();
            progress.finish();
            TargetCounts counts = readings.since(before);
            List<Merge.Node> nodes = new ArrayList<>();
            for (String agent : plan.agents()) {
                nodes.add(run.node(agent, run.report(agent), progress.latest().get(agent)));
            }
            RunResult result = Merge.of(
                            plan, nodes, run.chunks(), run.releasedFrom(), start, target, counts, interrupted)
                    .withStoppedBy(stoppedBy)
                    .withTimeline(timeline.seconds());
            watch.observer().finished(result);
            return result;
        }
    }

    /** Every agent has reported or is lost. */
    private static boolean finished(ClusterRun run) {
        boolean all = true;
        for (String agent : run.agents()) {
            if (run.isLost(agent)) {
                continue;
            }
            if (run.report(agent) == null) {
                all = false;
            } else {
                run.reported(agent);
            }
        }
        return all;
    }
}
