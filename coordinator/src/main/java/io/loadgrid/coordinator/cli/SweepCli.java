package io.loadgrid.coordinator.cli;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.files.Writable;
import io.loadgrid.coordinator.daemon.SweepSubmission;
import io.loadgrid.coordinator.export.MetricsOptions;
import io.loadgrid.coordinator.request.SloOptions;
import io.loadgrid.coordinator.run.PlanRejected;
import io.loadgrid.coordinator.sweep.SweepCommand;
import io.loadgrid.coordinator.sweep.SweepOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./loadgrid sweep}: parses the command line into {@link SweepOptions} and hands it to {@link SweepCommand}. */
@Command(
        name = "loadgrid sweep",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Run every cell of a sweep plan (default: sweeps/quick.yaml) and write results.json, results.csv, "
                        + "summary.md, plots/ and report.html into results/<sweep-id>/.")
public final class SweepCli implements Callable<Integer> {
    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "PLAN.yaml",
            description = "the sweep plan (default: sweeps/quick.yaml)")
    String plan;

    @Option(
            names = "--agents",
            paramLabel = "K",
            description = "agents for cells that do not name their own (local: JVMs to start; with --join: how many "
                    + "idle agents to use)")
    Integer agents;

    @Option(names = "--out", paramLabel = "DIR", description = "where sweep folders go (default: results)")
    Path out;

    @Option(
            names = "--resume",
            paramLabel = "ID",
            description = "continue sweep ID in --out, keeping its completed cells")
    String resume;

    @Option(
            names = "--base",
            paramLabel = "URL",
            description = "cells that use the embedded target load URL instead (the seed stream; the target's own "
                    + "latency applies)")
    String base;

    @Option(
            names = "--coordinator",
            paramLabel = "URL",
            description = "hand the sweep to the long-lived coordinator at URL (./loadgrid coordinator), "
                    + "which runs it and writes its outputs; default: $LOADGRID_COORDINATOR")
    String coordinator = System.getenv("LOADGRID_COORDINATOR");

    @Option(
            names = SloOptions.JUNIT,
            paramLabel = "FILE",
            description = "write the objectives' verdicts as a JUnit XML report, one test case per objective and cell,"
                    + " for CI to show (the sweep's folder always holds junit.xml when its plan has objectives)")
    Path junit;

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    public static int execute(String... args) {
        return new CommandLine(new SweepCli())
                .setParameterExceptionHandler((e, a) -> BadInput.report("sweep", e.getMessage()))
                .execute(args);
    }

    @Override
    public Integer call() {
        try {
            if (coordinator != null && !coordinator.isBlank()) {
                if (junit != null) {
                    throw new IllegalArgumentException(
                            SloOptions.JUNIT + " writes on this host and the coordinator at " + coordinator
                                    + " runs the sweep; its sweep folder holds junit.xml: drop " + SloOptions.JUNIT);
                }
                return SweepSubmission.of(coordinator, plan, agents, out, resume, base, cluster, metrics)
                        .send(System.out, System.err);
            }
            SweepOptions.Valid valid = new SweepOptions(plan, agents, out, resume, null, base).validate();
            if (junit != null) {
                if (valid.plan().search() == null
                        && valid.plan().cells().stream().allMatch(c -> c.slo().isEmpty())) {
                    throw new IllegalArgumentException(SloOptions.JUNIT + " reports objectives and plan "
                            + valid.plan().file() + " holds none; add e.g. slo: ['p99<50ms'] to it");
                }
                Writable.file(junit, SloOptions.JUNIT);
            }
            return new SweepCommand(valid, cluster, metrics.validate(), System.out, System.err)
                    .junit(junit)
                    .call();
        } catch (IllegalArgumentException | PlanRejected e) {
            return BadInput.report("sweep", e.getMessage());
        } catch (Exception e) {
            System.err.println("loadgrid sweep: failed: " + e);
            return ExitCode.INCOMPLETE.code();
        }
    }
}
