package io.loadgrid.agent.run;

import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.agent.metrics.ChunkLedger;
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
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one spec with its model in this JVM: prepare first, then the measured part. Its items are either a slice
 * (one process does all of them) or a feed of chunks leased from the cluster, each committed on its own.
 */
public final class Engine implements AutoCloseable {
    private final RunSpec spec;
    private final LiveTally tally;
    private final Tasks tasks;
    private final Children children = new Children();
    private final Model model;
    private final Slice slice;
    private final ChunkFeed feed;
    private final ChunkLedger ledger;
    private final Items items;
    private volatile boolean abandoned;

    private Engine(RunSpec spec, Slice slice, ChunkFeed feed, ChunkLedger ledger) {
        this.spec = spec;
        this.slice = slice;
        this.feed = feed;
        this.ledger = ledger;
        this.tally = new LiveTally(new WireCounter(), ledger);
        this.tasks = new Tasks(spec, tally);
        this.model = Models.create(new RunSetup(spec, slice, tasks, children, feed));
        this.items = feed != null ? feed : RangeItems.of(slice);
    }

    /** Builds the model and its threads, loops, clients or processes for a slice; nothing is sent yet. */
    public static Engine prepare(RunSpec spec, Slice slice) throws Exception {
        return prepared(new Engine(spec, slice, null, null));
    }

    /** The same for a cluster run: items come from {@code source} in chunks of {@code chunkSize}, results go to {@code committer}. */
    public static Engine prepare(RunSpec spec, long chunkSize, ChunkSource source, ChunkLedger.Committer committer) throws Exception {
        ChunkLedger ledger = new ChunkLedger(chunkSize, committer);
        Engine engine = prepared(new Engine(spec, null, new ChunkFeed(source, ledger), ledger));
        engine.feed.start();
        return engine;
    }

    private static Engine prepared(Engine engine) throws Exception {
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

    /** The live counts, for snapshots while the run lasts. */
    public LiveTally tally() {
        return tally;
    }

    /** Items that worker processes of this node finished (their chunks are committed), for live progress. */
    public long doneElsewhere() {
        return feed == null ? 0 : feed.doneElsewhere();
    }

    /** Items in flight in this JVM, or -1 when worker processes run them (they report per chunk, not live). */
    public long inFlight() {
        return spec.model() == io.loadgrid.common.plan.ModelName.MULTIPROCESS ? -1 : tally.inFlight();
    }

    public long okElsewhere() {
        return feed == null ? 0 : feed.okElsewhere();
    }

    public java.util.Map<io.loadgrid.common.metrics.FailureKind, Long> failedElsewhere() {
        return feed == null ? java.util.Map.of() : feed.failedElsewhere();
    }

    /** Stops handing out items, from any thread; items in flight complete and count, and {@link #run()} returns. */
    public void stop() {
        items.stop();
        model.stop();
    }

    /** Stops as {@link #stop()} does, but commits no partly run chunk: the coordinator is gone or out of reach. */
    public void abandon() {
        abandoned = true;
        stop();
    }

    public Outcome run() throws Exception {
        return run(NanoClock.SYSTEM.nanoTime());
    }

    /** Waits for the {@code start} instant (nanoTime; several processes on one host share it), then runs. */
    public Outcome run(long start) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        NanoClock clock = NanoClock.SYSTEM;
        for (long wait = start - clock.nanoTime(); wait > 0; wait = start - clock.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        LoadProfile profile = spec.rate() == null ? new LoadProfile.ClosedLoop() : new LoadProfile.ConstantRate(spec.rate());
        model.drive(bounded(start), new Pacer(profile, clock, start));
        long drove = clock.nanoTime();
        if (feed != null) {
            feed.close();
            if (!abandoned) {
                ledger.flush();
            }
        }
        Tally total = tally.total();
        long last = tally.lastEnd();
        int peak = threads.getPeakThreadCount();
        for (WorkerReport r : children.reports()) {
            total = total.plus(r.tally().decode());
            peak += r.threadsPeak();
            last = Math.max(last, r.lastEnd());
        }
        // wall time ends with the last completed item, not with waiting for others' chunks to come back
        return new Outcome(total, (last == Long.MIN_VALUE ? drove : last) - start, peak);
    }

    /**
     * A duration bounds a closed loop by the clock. With a rate it defines the schedule instead, as in wrk2: exactly
     * the items whose slot falls inside it, even those a late sender takes after the deadline, and none beyond it
     * (event-loop lanes take their next item before its slot, so a clock cut would let early-taken ones through).
     * A cluster run's chunk book already holds exactly those items.
     */
    private Items bounded(long start) {
        if (spec.duration() == null) {
            return items;
        }
        if (spec.rate() == null) {
            return items.until(start + spec.duration().toNanos(), NanoClock.SYSTEM);
        }
        return feed != null ? items : RangeItems.below(slice, spec.plannedItems());
    }

    @Override
    public void close() throws Exception {
        try {
            if (feed != null) {
                feed.close();
            }
            model.close();
        } finally {
            tasks.close();
        }
    }
}
