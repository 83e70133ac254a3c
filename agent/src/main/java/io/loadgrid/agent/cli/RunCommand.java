package io.loadgrid.agent.cli;

import io.loadgrid.agent.metrics.ResourceSampler;
import io.loadgrid.agent.report.Results;
import io.loadgrid.agent.report.Table;
import io.loadgrid.agent.run.Engine;
import io.loadgrid.agent.run.Outcome;
import io.loadgrid.agent.target.EmbeddedTarget;
import io.loadgrid.agent.target.Preflight;
import io.loadgrid.agent.target.TargetStats;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.Workload;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** Runs one validated plan on this machine: embedded target if asked, pre-flight, the model, the report. */
public final class RunCommand implements Callable<Integer> {
    private final RunOptions.Valid run;
    private final PrintStream out;

    public RunCommand(RunOptions.Valid run, PrintStream out) {
        this.run = run;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        EmbeddedTarget embedded = run.embeddedTarget() ? EmbeddedTarget.start(run.targetLatencyMs()) : null;
        try {
            RunSpec spec = embedded == null ? run.spec() : onBase(run.spec(), embedded.base());
            String target = spec.workload() instanceof Workload.Http http ? http.urls().base() : "none (CPU-bound)";
            if (spec.workload() instanceof Workload.Http) {
                Preflight.reachable(target);
            }
            RunResult result = measure(spec, target, embedded);
            Table.print(result, out);
            if (run.json() != null) {
                writeJson(result);
                out.println("wrote " + run.json());
            }
            return 0;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private RunResult measure(RunSpec spec, String target, EmbeddedTarget embedded) throws Exception {
        try (Engine engine = Engine.prepare(spec, spec.slice()); ResourceSampler sampler = new ResourceSampler(engine.children())) {
            TargetStats before = embedded == null ? null : embedded.stats();
            out.printf("loadgrid run: %s, concurrency %d, %s items of %s against %s%n", spec.model().key(), spec.concurrency(),
                    spec.duration() == null ? String.format("%,d", spec.items()) : "for " + spec.duration().toSeconds() + " s of",
                    spec.workload().name(), target);
            Outcome outcome;
            boolean interrupted;
            try (Interrupts interrupts = new Interrupts(engine::stop, System.err)) {
                sampler.start();
                outcome = engine.run();
                interrupted = interrupts.fired();
            }
            Resources resources = sampler.stop(outcome.threadsPeak());
            RunResult.TargetCounts counts = null;
            if (embedded != null) {
                TargetStats delta = embedded.stats().minus(before);
                counts = new RunResult.TargetCounts(delta.requests(), delta.bytesIn(), delta.bytesOut());
            }
            return Results.of(spec, outcome, resources, target, counts, interrupted);
        }
    }

    private void writeJson(RunResult result) throws IOException {
        var tmp = run.json().resolveSibling(run.json().getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Files.move(tmp, run.json(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static RunSpec onBase(RunSpec spec, String base) {
        Workload.Http http = (Workload.Http) spec.workload();
        return spec.withWorkload(new Workload.Http(http.name(), new SeedStream(base), http.statusFails()));
    }
}
