package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.LocalBook;
import io.loadgrid.agent.run.Engine;
import io.loadgrid.agent.run.Outcome;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.UrlTemplate;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;

/**
 * Builds and runs specs in tests as an agent does: through the engine, on chunks leased from the run's chunk book
 * (kept in this JVM, with the agent as its only node), each chunk committed on its own.
 */
final class Runs {
    private Runs() {}

    static RunSpec spec(ModelConfig model, int concurrency, Workload workload, long items) {
        return new RunSpec(
                model, concurrency, workload, items, null, null, null, 0, Duration.ofSeconds(10), null, false);
    }

    static Workload http(String template) {
        return new Workload.Http("template", new UrlTemplate(template), true);
    }

    static Outcome run(RunSpec spec) throws Exception {
        return run(spec, 0);
    }

    /**
     * Runs {@code spec} in chunks of {@code chunkSize} (0: as the coordinator chooses), and checks that the committed
     * chunks hold exactly the items the run counted: the coordinator merges those, not the engine's own total.
     */
    static Outcome run(RunSpec spec, long chunkSize) throws Exception {
        return run(spec, chunkSize, () -> {});
    }

    /** The same, calling {@code whenPrepared} after the engine is prepared and before the clock starts. */
    static Outcome run(RunSpec spec, long chunkSize, Runnable whenPrepared) throws Exception {
        LocalBook book = new LocalBook(spec, chunkSize);
        Outcome o;
        try (Engine engine = Engine.prepare(spec, book)) {
            whenPrepared.run();
            o = engine.run();
        }
        if (book.committedItems() != o.tally().items()) {
            throw new AssertionError("chunks committed " + book.committedItems() + " items, the run counted "
                    + o.tally().items());
        }
        return o;
    }
}
