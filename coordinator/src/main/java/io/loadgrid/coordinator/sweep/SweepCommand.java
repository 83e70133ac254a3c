package io.loadgrid.coordinator.sweep;

import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.files.AtomicFile;
import io.loadgrid.common.files.OutputFailed;
import io.loadgrid.common.slo.Objectives;
import io.loadgrid.coordinator.export.LoadMetrics;
import io.loadgrid.coordinator.export.MetricsOptions;
import io.loadgrid.coordinator.export.MetricsServer;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.run.StopSwitch;
import io.loadgrid.coordinator.session.RunPrecheck;
import io.loadgrid.coordinator.session.Session;
import io.loadgrid.coordinator.sweep.plan.Cell;
import io.loadgrid.coordinator.sweep.plan.CellOptions;
import io.loadgrid.coordinator.sweep.plan.SweepPlan;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.CellSummary;
import io.loadgrid.report.results.SweepResults;
import io.loadgrid.report.store.SweepStore;
import io.loadgrid.report.sweep.Comparisons;
import io.loadgrid.report.sweep.Reports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;

/** Runs a parsed sweep on one session (local: target and agent JVMs started once) and prints where its outputs are. */
public final class SweepCommand implements Callable<Integer> {
    private final SweepOptions.Valid sweep;
    private final ClusterOptions cluster;
    private final MetricsOptions metrics;
    private String submittedTo;
    private Path junit;
    private final PrintStream out;
    private final PrintStream err;

    public SweepCommand(
            SweepOptions.Valid sweep,
            ClusterOptions cluster,
            MetricsOptions metrics,
            PrintStream out,
            PrintStream err) {
        this.metrics = metrics;
        this.sweep = sweep;
        this.cluster = cluster;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Map<String, RunRequest> options = options(sweep.plan());
        boolean local = cluster.join().isEmpty();
        int agents =
                options.values().stream().mapToInt(RunRequest::agents).max().orElse(1);
        List<String> targets = RunPrecheck.of(options.values(), local);
        LoadMetrics exported = new LoadMetrics();
        try (MetricsServer server = metrics.start(exported, "127.0.0.1", out);
                Session session = Session.open(cluster, agents, targets, firstTargetLatency(options.values()))) {
            exported.agentsUp(session.node()::agentCount);
            int code = run(session, exported, new StopSwitch(), options);
            if (server != null) {
                server.awaitFinalScrape(err);
            }
            return code;
        }
    }

    /** The embedded target's latency for the plan's first cell, when it uses it: that target starts at once. */
    private static OptionalDouble firstTargetLatency(Collection<RunRequest> runs) {
        return runs.stream().findFirst().map(RunRequest::embeddedTargetLatency).orElse(OptionalDouble.empty());
    }

    /** Where the objectives' JUnit report goes too, besides the sweep folder's junit.xml; null for nowhere else. */
    public SweepCommand junit(Path file) {
        this.junit = file;
        return this;
    }

    /** The sweep came to a long-lived coordinator at this URL: a resume goes there too. */
    public SweepCommand submittedTo(String url) {
        this.submittedTo = url;
        return this;
    }

    /**
     * Runs the sweep on a session that is already open (a long-lived coordinator's, or the one {@link #call()} opens).
     */
    public int on(Session session, LoadMetrics exported, StopSwitch stop) throws Exception {
        Map<String, RunRequest> options = options(sweep.plan());
        session.agents()
                .checkLoadable(RunPrecheck.of(options.values(), session.agents().onThisHost()));
        return run(session, exported, stop, options);
    }

    private int run(Session session, LoadMetrics exported, StopSwitch stop, Map<String, RunRequest> options)
            throws Exception {
        SweepPlan plan = sweep.plan();
        SweepStore store = new SweepStore(sweep.dir());
        options = session.agents().pin(options);
        SweepResults start = sweep.previous() != null ? sweep.previous() : fresh(plan, session);
        out.println("loadgrid sweep " + start.sweepId() + ": " + plan.cells().size() + " cell(s) of plan " + plan.name()
                + " (" + plan.file() + "), "
                + (plan.search() != null
                        ? "each searched for its best rate at "
                                + plan.search().slo().text()
                        : plan.repetitions() + " run(s) + " + plan.warmups() + " warm-up(s) each")
                + "; outputs in " + store.dir());
        try {
            store.save(start);
        } catch (OutputFailed e) {
            err.println("loadgrid sweep: " + e.getMessage() + "; nothing ran: make room there or give --out DIR");
            return ExitCode.INCOMPLETE.code();
        }
        Reports.writeOrWarn(store.dir(), start, err);
        SweepRunner runner = new SweepRunner(plan, options, session, store, err, exported, stop);
        SweepResults done;
        try {
            done = runner.run(start);
        } catch (OutputFailed e) {
            // results.json is whole as of the last cell saved (AtomicFile), so the sweep can go on from there
            err.println("loadgrid sweep: " + e.getMessage() + "; the cells saved before it are intact: make room and"
                    + " continue with " + resumeCommand(start, session));
            return (runner.interrupted() ? ExitCode.INTERRUPTED : ExitCode.INCOMPLETE).code();
        }
        Comparisons.of(done).forEach(g -> g.lines().forEach(out::println));
        out.println("wrote " + store.dir() + "/{results.json,results.csv,summary.md,report.html,plots/}");
        if (junit != null) {
            copyJunit(store.dir());
        }
        if (done.cells().stream().allMatch(CellResult::done)) {
            if (done.cells().stream().anyMatch(SweepCommand::allFailed)) {
                return ExitCode.ALL_FAILED.code();
            }
            return (done.cells().stream().allMatch(SweepCommand::objectivesMet) ? ExitCode.OK : ExitCode.SLO_FAILED)
                    .code();
        }
        out.println("not every cell completed; continue with: " + resumeCommand(start, session));
        return (runner.interrupted() ? ExitCode.INTERRUPTED : ExitCode.INCOMPLETE).code();
    }

    private String resumeCommand(SweepResults start, Session session) {
        String agents = sweep.agents() == null ? "" : " --agents " + sweep.agents();
        return "./loadgrid sweep --resume " + start.sweepId()
                + (submittedTo != null
                        ? agents + " --coordinator " + submittedTo
                        : (sweep.outRoot() == null ? "" : " --out " + sweep.outRoot())
                                + agents
                                + session.agents().resumeHint());
    }

    private static boolean objectivesMet(CellResult cell) {
        return cell.slo() == null || Objectives.allMet(cell.slo());
    }

    /** The sweep folder's junit.xml, also where --junit asked (the folder's is written with the reports). */
    private void copyJunit(Path dir) {
        Path written = dir.resolve(Reports.JUNIT);
        try {
            AtomicFile.write(junit, Files.readString(written));
            out.println("wrote " + junit);
        } catch (IOException | OutputFailed e) {
            err.println("loadgrid sweep: " + junit + " not written (" + e.getMessage() + "); " + written
                    + " holds the same");
        }
    }

    /** Every item of every run of the cell failed. */
    private static boolean allFailed(CellResult cell) {
        return !cell.runs().isEmpty() && cell.runs().stream().allMatch(ExitCode::allFailed);
    }

    /** Every cell's run options, the sweep's --agents filling in cells that do not name their own. */
    private Map<String, RunRequest> options(SweepPlan plan) {
        Map<String, RunRequest> options = new LinkedHashMap<>();
        for (Cell c : plan.cells()) {
            Map<String, Object> params = new LinkedHashMap<>(c.params());
            if (sweep.agents() != null) {
                params.putIfAbsent("agents", sweep.agents());
            }
            if (sweep.base() != null && !params.containsKey("base") && !params.containsKey("url")) {
                // the target's own --latency applies there; an emulated latency belongs to the embedded target only
                params.remove("target_latency_ms");
                params.put("base", sweep.base());
            }
            options.put(c.id(), RunRequest.of(CellOptions.of(params)));
        }
        return options;
    }

    private SweepResults fresh(SweepPlan plan, Session session) {
        List<CellResult> cells = plan.cells().stream().map(CellSummary::pending).toList();
        return new SweepResults(
                SweepResults.SCHEMA,
                sweep.sweepId(),
                new SweepResults.PlanInfo(
                        plan.name(),
                        plan.description(),
                        plan.file(),
                        plan.repetitions(),
                        plan.warmups(),
                        plan.source(),
                        plan.search() == null ? null : plan.search().text()),
                EnvironmentProbe.of(session.node(), session.agents().mode()),
                cells);
    }
}
