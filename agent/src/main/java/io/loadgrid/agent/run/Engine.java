package io.loadgrid.agent.run;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.agent.model.Model;
import io.loadgrid.agent.model.Models;
import io.loadgrid.agent.worker.WorkerReport;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.plan.Slice;
import io.loadgrid.common.profile.LoadProfile;
import io.loadgrid.common.profile.NanoClock;
import io.loadgrid.common.profile.Pacer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** Runs one spec over one slice with its model in this JVM: prepare first, then the measured part. */
public final class Engine implements AutoCloseable {
    private final RunSpec spec;
    private final LiveTally tally = new LiveTally(new WireCounter());
    private final Tasks tasks;
    private final Children children = new Children();
    private final Model model;
    private final Items items;

    private Engine(RunSpec spec, Slice slice) {
        this.spec = spec;
        this.tasks = new Tasks(spec, tally);
        this.model = Models.create(new RunSetup(spec, slice, tasks, children));
        this.items = Items.of(slice, Long.MAX_VALUE, NanoClock.SYSTEM);
    }

    /** Builds the model and its threads, loops, clients or processes; nothing is sent yet. */
    public static Engine prepare(RunSpec spec, Slice slice) throws Exception {
        Engine engine = new Engine(spec, slice);
        try {
            engine.model.prepare();
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
        return engine;
    }

    public Children children() {
        return children;
    }

    /** Stops handing out items, from any thread; items in flight complete and count, and {@link #run()} returns. */
    public void stop() {
        items.stop();
        model.stop();
    }

    public Outcome run() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        NanoClock clock = NanoClock.SYSTEM;
        long start = clock.nanoTime();
        LoadProfile profile = spec.rate() == null ? new LoadProfile.ClosedLoop() : new LoadProfile.ConstantRate(spec.rate());
        model.drive(bounded(start), new Pacer(profile, clock, start));
        long wall = clock.nanoTime() - start;
        Tally total = tally.total();
        int peak = threads.getPeakThreadCount();
        for (WorkerReport r : children.reports()) {
            total = total.plus(r.tally().decode());
            peak += r.threadsPeak();
        }
        return new Outcome(total, wall, peak);
    }

    /**
     * A duration bounds a closed loop by the clock. With a rate it defines the schedule instead, as in wrk2: exactly
     * the items whose slot falls inside it, even those a late sender takes after the deadline, and none beyond it
     * (event-loop lanes take their next item before its slot, so a clock cut would let early-taken ones through).
     */
    private Items bounded(long start) {
        if (spec.duration() == null) {
            return items;
        }
        if (spec.rate() == null) {
            return items.until(start + spec.duration().toNanos());
        }
        return items.below((long) Math.ceil(spec.duration().toNanos() * spec.rate() / 1e9 - 1e-9));
    }

    @Override
    public void close() throws Exception {
        try {
            model.close();
        } finally {
            tasks.close();
        }
    }
}
