package io.loadgrid.coordinator.request;

import static io.loadgrid.common.plan.RunParams.AGENTS;
import static io.loadgrid.common.plan.RunParams.BASE;
import static io.loadgrid.common.plan.RunParams.BATCH;
import static io.loadgrid.common.plan.RunParams.CHUNK;
import static io.loadgrid.common.plan.RunParams.CONCURRENCY;
import static io.loadgrid.common.plan.RunParams.DURATION;
import static io.loadgrid.common.plan.RunParams.ITEMS;
import static io.loadgrid.common.plan.RunParams.JSON;
import static io.loadgrid.common.plan.RunParams.MODEL;
import static io.loadgrid.common.plan.RunParams.PREWARM;
import static io.loadgrid.common.plan.RunParams.RATE;
import static io.loadgrid.common.plan.RunParams.SINK;
import static io.loadgrid.common.plan.RunParams.SINK_FILE;
import static io.loadgrid.common.plan.RunParams.SPLIT;
import static io.loadgrid.common.plan.RunParams.STAGES;
import static io.loadgrid.common.plan.RunParams.TARGET_LATENCY_MS;
import static io.loadgrid.common.plan.RunParams.TIMEOUT;
import static io.loadgrid.common.plan.RunParams.URL;

import io.loadgrid.common.codec.Durations;
import io.loadgrid.common.files.Writable;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.Param;
import io.loadgrid.common.plan.RunParams;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.plan.Split;
import io.loadgrid.common.process.Limits;
import io.loadgrid.common.profile.LoadShape;
import io.loadgrid.common.workload.Workload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A checked run: the spec the agents run and what the coordinator does around it. {@link #of} is the one check of
 * a run's parameters, for the command line and for every sweep cell; it says exactly what is wrong.
 *
 * @param embeddedTarget  whether the base URL is filled in once the embedded target is up
 * @param json            where the result is also written, or null
 * @param agents          how many agents run it (0: every idle agent of a remote cluster)
 * @param chunk           items per chunk, or 0 to let the coordinator choose
 */
public record RunRequest(
        RunSpec spec, boolean embeddedTarget, double targetLatencyMs, Path json, int agents, Split split, long chunk) {

    /** The emulated latency of the embedded target this run needs, or empty when it loads a target of its own. */
    public OptionalDouble embeddedTargetLatency() {
        return embeddedTarget ? OptionalDouble.of(targetLatencyMs) : OptionalDouble.empty();
    }

    /** @throws IllegalArgumentException one line naming the options and how to fix them */
    public static RunRequest of(RunValues v) {
        if (v.given(ITEMS) != null && v.given(DURATION) != null) {
            throw new IllegalArgumentException(
                    ITEMS.option() + " and " + DURATION.option() + " both given; choose a count or a duration");
        }
        if (v.given(BASE) != null && v.given(URL) != null) {
            throw new IllegalArgumentException(BASE.option() + " and " + URL.option() + " both given; " + BASE.option()
                    + " is for the seed stream, " + URL.option() + " for your own template");
        }
        LoadShape shape = v.given(STAGES) == null ? null : LoadShape.parse(v.text(STAGES));
        if (shape != null) {
            for (Param p : List.of(ITEMS, DURATION, RATE)) {
                if (v.given(p) != null) {
                    throw new IllegalArgumentException(p.option() + " and " + STAGES.option()
                            + " both given; the stages set the run's length and rate, drop " + p.option());
                }
            }
            if (!shape.open() && v.given(CONCURRENCY) != null) {
                throw new IllegalArgumentException(CONCURRENCY.option() + " and " + STAGES.option() + " '"
                        + shape.text() + "' both given; the stages set the items in flight, drop "
                        + CONCURRENCY.option());
            }
        }
        ModelConfig model = ModelConfig.of(v.text(MODEL), v::get);
        if (shape != null && !shape.open() && model.oneAtATime() && shape.peak() != 1) {
            throw new IllegalArgumentException(MODEL.option() + " " + model.key() + " runs one request at a time; "
                    + STAGES.option() + " '" + shape.text() + "' puts up to " + Math.round(shape.peak())
                    + " in flight: give rates (L/s) or pick --model threads");
        }
        int n = model.concurrency(
                shape != null && !shape.open() ? Integer.valueOf((int) shape.peak()) : (Integer) v.given(CONCURRENCY),
                v.count(CONCURRENCY));
        Limits.checkConcurrency(n, model.sendersPerNode());
        if (shape != null && !shape.open()) {
            model.check(
                    n,
                    "the " + n + " in flight " + STAGES.option() + " '" + shape.text() + "' peaks at",
                    "the shape's levels");
        } else {
            model.check(n);
        }
        for (Param p : RunParams.ALL) {
            if (v.given(p) != null && model.refusal(p) != null) {
                throw new IllegalArgumentException(p.option() + " does not apply to " + model.key() + " ("
                        + model.refusal(p) + "); drop " + p.option());
            }
        }
        int batch = model.batch((Integer) v.given(BATCH), n);
        boolean embedded = v.given(BASE) == null && v.given(URL) == null;
        Duration d = v.given(DURATION) == null ? null : Durations.parse(v.text(DURATION), DURATION.option());
        RunSpec spec = new RunSpec(
                model,
                n,
                Workloads.of(v),
                d == null ? v.bigCount(ITEMS) : -1,
                d,
                v.number(RATE),
                null,
                batch,
                Durations.parse(v.text(TIMEOUT), TIMEOUT.option()),
                v.text(SINK).equals("file") ? Path.of(v.text(SINK_FILE)).toAbsolutePath() : null,
                v.flag(PREWARM));
        if (shape != null) {
            spec = spec.shaped(shape);
        }
        Split split = Split.valueOf(v.text(SPLIT).toUpperCase(Locale.ROOT));
        Integer agents = v.count(AGENTS);
        Long chunk = v.bigCount(CHUNK);
        Path json = v.text(JSON) == null ? null : Path.of(v.text(JSON));
        if (json != null) {
            Writable.file(json, JSON.option());
        }
        return new RunRequest(
                spec,
                embedded && spec.workload() instanceof Workload.Http,
                v.number(TARGET_LATENCY_MS),
                json,
                agents == null ? 0 : agents,
                split,
                chunk == null ? 0 : chunk);
    }

    /** The same run paced at {@code rate} items/s for {@code d}: one step of a rate search. */
    public RunRequest paced(double rate, Duration d) {
        return new RunRequest(
                spec.timed(d).withRate(rate).withStages(null),
                embeddedTarget,
                targetLatencyMs,
                json,
                agents,
                split,
                chunk);
    }

    /** The same run on {@code count} agents. */
    public RunRequest onAgents(int count) {
        return new RunRequest(spec, embeddedTarget, targetLatencyMs, json, count, split, chunk);
    }
}
