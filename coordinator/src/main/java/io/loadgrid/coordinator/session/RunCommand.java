package io.loadgrid.coordinator.session;

import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.files.AtomicFile;
import io.loadgrid.common.files.OutputFailed;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.slo.Objectives;
import io.loadgrid.coordinator.export.LoadMetrics;
import io.loadgrid.coordinator.export.MetricsOptions;
import io.loadgrid.coordinator.export.MetricsServer;
import io.loadgrid.coordinator.export.RunLabels;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.run.ObjectiveGuard;
import io.loadgrid.coordinator.run.StopSwitch;
import io.loadgrid.report.junit.JUnitFile;
import io.loadgrid.report.table.Table;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Runs one validated plan on a cluster: in local mode (no --join) the embedded target and K agent JVMs on loopback
 * first; then the coordinator joins, hands the plan out and reports per node and in total.
 */
public final class RunCommand implements Callable<Integer> {
    private final RunRequest run;
    private final Objectives objectives;
    private final Path junit;
    private final ClusterOptions cluster;
    private final MetricsOptions metrics;
    private final PrintStream out;
    private final PrintStream err;

    /** @param junit where the objectives' JUnit report goes, or null */
    public RunCommand(
            RunRequest run,
            Objectives objectives,
            Path junit,
            ClusterOptions cluster,
            MetricsOptions metrics,
            PrintStream out,
            PrintStream err) {
        this.metrics = metrics;
        this.run = run;
        this.objectives = objectives;
        this.junit = junit;
        this.cluster = cluster;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        List<String> targets = RunPrecheck.of(List.of(run), cluster.join().isEmpty());
        LoadMetrics exported = new LoadMetrics();
        try (MetricsServer server = metrics.start(exported, "127.0.0.1", out);
                Session session = Session.open(cluster, run.agents(), targets, run.embeddedTargetLatency())) {
            exported.agentsUp(session.node()::agentCount);
            Resolved resolved = session.resolve(run);
            String sweep = "run-"
                    + java.time.LocalDateTime.now()
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            exported.sweep(sweep, 1);
            var series = exported.cell(
                    new RunLabels(
                            sweep, "run", run.spec().model().key(), run.spec().concurrency()),
                    1,
                    resolved.spec().plannedItems());
            RunResult result = session.run(
                    run,
                    resolved,
                    err,
                    (spec, target, agents) -> out.printf(
                            "loadgrid run: %s, concurrency %d per agent, %s of %s against %s on %d agent(s)%n",
                            spec.model().key(),
                            spec.concurrency(),
                            spec.stages() != null
                                    ? "stages " + spec.stages().text()
                                    : spec.duration() == null
                                            ? String.format("%,d items", spec.items())
                                            : "for " + spec.duration().toSeconds() + " s",
                            spec.workload().name(),
                            target,
                            agents),
                    series,
                    new StopSwitch(),
                    new ObjectiveGuard(objectives));
            exported.cellDone(sweep);
            if (!objectives.isEmpty()) {
                result = result.withSlo(objectives.judge(List.of(result)));
            }
            Table.print(result, out);
            ExitCode code = ExitCode.of(result);
            try {
                if (run.json() != null) {
                    writeJson(result);
                    out.println("wrote " + run.json());
                }
                if (junit != null) {
                    JUnitFile.write(junit, "loadgrid run", started, cases(result));
                    out.println("wrote " + junit);
                }
            } catch (OutputFailed e) {
                // checked writable before the run: what fails now is a full or vanished disk
                err.println("loadgrid run: " + e.getMessage() + "; the result is the table above");
                code = code == ExitCode.INTERRUPTED ? code : ExitCode.INCOMPLETE;
            }
            if (server != null) {
                server.awaitFinalScrape(err);
            }
            return code.code();
        }
    }

    /** One case per objective; the run's measured time shared among them, so that CI's total is the run's. */
    private static List<JUnitFile.Case> cases(RunResult r) {
        return r.slo().stream()
                .map(v -> new JUnitFile.Case(
                        "loadgrid.run",
                        r.model() + " c=" + r.concurrency() + ": " + v.slo(),
                        r.rates().wallS() / r.slo().size(),
                        v,
                        null))
                .toList();
    }

    private void writeJson(RunResult result) throws IOException {
        AtomicFile.write(
                run.json(), Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
    }
}
