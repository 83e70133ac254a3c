package io.loadgrid.common.plan;

import io.loadgrid.common.profile.LoadProfile;
import io.loadgrid.common.profile.LoadShape;
import io.loadgrid.common.profile.RateStages;
import io.loadgrid.common.workload.Workload;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a driver needs to run one cell: workload, model (with its own knobs), and the load shape.
 *
 * @param concurrency the most items in flight at once, for every model (sync: 1)
 * @param items       how many items, or -1 with a duration
 * @param duration    run until then (wrk style), or null with a count
 * @param rate        items per second for an open model, or null for a closed loop
 * @param stages      a shape of rate or of items in flight over time, or null; with it the duration is its total
 * @param batch       items per batch (seed 004 / seed 002), 0 for none
 * @param timeout     connect and idle timeout of every request
 * @param sinkFile    where response bodies are appended, or null to discard them
 * @param prewarm     whether every sending process runs its sending path for a moment before the start instant (against
 * a
 *                    server of its own, not the target), so that the measured run starts with compiled code, and opens
 *                    every sender's connection to the target before it (without a request)
 */
@RecordBuilder
public record RunSpec(
        ModelConfig model,
        int concurrency,
        Workload workload,
        long items,
        Duration duration,
        Double rate,
        LoadShape stages,
        int batch,
        Duration timeout,
        Path sinkFile,
        boolean prewarm)
        implements RunSpecBuilder.With {

    /** Processes of one node that send items: its worker JVMs for multiprocess, else the node itself. */
    public int sendersPerNode() {
        return model.sendersPerNode();
    }

    /**
     * How many items the run has: its count, or what a rate or rate stages schedule within the duration, or -1 for a
     * timed closed loop.
     */
    public long plannedItems() {
        if (duration == null) {
            return items;
        }
        if (profile() instanceof RateStages shaped) {
            return shaped.items();
        }
        return rate == null ? -1 : (long) Math.ceil(duration.toNanos() * rate / 1e9 - 1e-9);
    }

    /** Whether items arrive on a schedule (a rate, or rate stages): the open model, latency from each item's slot. */
    public boolean paced() {
        return rate != null || stages != null && stages.open();
    }

    /** When each item is meant to start, and for a closed shape when each sender slot is open. */
    public LoadProfile profile() {
        if (stages != null) {
            return stages.profile();
        }
        return rate == null ? new LoadProfile.ClosedLoop() : new LoadProfile.ConstantRate(rate);
    }

    /** The mean arrival rate a paced run schedules, or null for a closed loop. */
    public Double meanRate() {
        if (stages != null && stages.open()) {
            return plannedItems() / (duration.toNanos() / 1e9);
        }
        return rate;
    }

    /**
     * The same run bounded by a duration instead of a count (the other withers are generated: {@link RunSpecBuilder}).
     */
    public RunSpec timed(Duration d) {
        return with(b -> b.items(-1).duration(d));
    }

    /** The same run in {@code shape}: the shape sets its length, and its rate or items in flight over time. */
    public RunSpec shaped(LoadShape shape) {
        return with(b -> b.items(-1).duration(shape.duration()).rate(null).stages(shape));
    }
}
