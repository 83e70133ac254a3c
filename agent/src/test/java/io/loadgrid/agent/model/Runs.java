package io.loadgrid.agent.model;

import io.loadgrid.agent.run.Engine;
import io.loadgrid.agent.run.Outcome;
import io.loadgrid.common.plan.ModelName;
import io.loadgrid.common.plan.PoolMode;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.UrlTemplate;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;

/** Builds and runs specs in tests exactly as the CLI does, through the engine. */
final class Runs {
    private Runs() {
    }

    static RunSpec spec(ModelName model, int concurrency, Workload workload, long items) {
        return new RunSpec(model, concurrency, workload, items, null, null, 0, PoolMode.REUSE, 2, 2, Duration.ofSeconds(10), null);
    }

    static Workload http(String template) {
        return new Workload.Http("template", new UrlTemplate(template), true);
    }

    static Outcome run(RunSpec spec) throws Exception {
        try (Engine engine = Engine.prepare(spec, spec.slice())) {
            return engine.run();
        }
    }
}
