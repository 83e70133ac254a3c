package io.loadgrid.agent.run;

import io.loadgrid.agent.feed.ChunkFeed;
import io.loadgrid.agent.feed.ChunkSource;
import io.loadgrid.agent.feed.Items;
import io.loadgrid.agent.http.WireCounter;
import io.loadgrid.agent.metrics.ChunkLedger;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.agent.metrics.MeasuredWindow;
import io.loadgrid.agent.model.Model;
import io.loadgrid.agent.model.Models;
import io.loadgrid.agent.model.RunSetup;
import io.loadgrid.agent.task.Tasks;
import io.loadgrid.agent.worker.Children;
import io.loadgrid.agent.worker.WorkerReport;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.profile.NanoClock;
import io.loadgrid.common.profile.Pacer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one spec with its model in this JVM: prepare first, then the measured part. Its items come from a feed of
 * leased chunks (from the cluster's chunk book, or for a worker JVM from its parent), each committed on its own.
 */
public final class Engine implements AutoCloseable {
    private final RunSpec spec;
    private final LiveTally tally;
    private final Tasks tasks;
    private final Children children = new Children();
    private final Model model;
    private final ChunkFeed feed;
    private final ChunkLedger ledger;
    private volatile boolean abandoned;

    private Engine(RunSpec spec, ChunkSource source) {
        this.spec = spec;
        this.ledger = new ChunkLedger(source.layout(), source);
        this.feed = new ChunkFeed(source, ledger, spec.sendersPerNode());
        this.tally = new LiveTally(new WireCounter(), ledger);
        this.tasks = new Tasks(spec, tally);
        this.model = Models.create(new RunSetup(spec, tasks, children, feed));
    }

    /**
     * Builds the model and its threads, loops, clients or processes, and starts leasing chunks from {@code source};
     * nothing is sent yet. Each finished chunk is committed to the same source. With {@code spec.prewarm()}, the
     * sending path runs for a moment first, and every sender's connection is opened before this returns.
     */
    public static Engine prepare(RunSpec spec, ChunkSource source) throws Exception {
        return prepared(new Engine(spec, source), spec.prewarm());
    }

    /** The same without the warm-up (it is one itself). */
    static Engine prepareCold(RunSpec spec, ChunkSource source) throws Exception {
        return prepared(new Engine(spec, source), false);
    }

    private static Engine prepared(Engine engine, boolean warm) throws Exception {
        try {
            if (warm && engine.model.sendsHere()) {
                Warmup.run(engine.spec);
            }
            engine.model.prepare();
            if (warm) {
                engine.tasks.openConnections();
            }
        } catch (Exception | Error e) {
            engine.close();
            throw e;
        }
        engine.feed.start();
        return engine;
    }

    public Children children() {
        return children;
    }

    /** The live counts, for snapshots while the run lasts. */
    public LiveTally tally() {
        return tally;
    }

    /** Items in flight in this JVM, or -1 when worker processes run them (they report per chunk, not live). */
    public long inFlight() {
        return model.sendsHere() ? tally.inFlight() : -1;
    }

    public long okElsewhere() {
        return feed.okElsewhere();
    }

    public java.util.Map<io.loadgrid.common.metrics.FailureKind, Long> failedElsewhere() {
        return feed.failedElsewhere();
    }

    /** Stops handing out items, from any thread; items in flight complete and count, and {@link #run()} returns. */
    public void stop() {
        feed.stop();
        model.stop();
    }

    /** Stops as {@link #stop()} does, but commits no partly run chunk: the coordinator is gone or out of reach. */
    public void abandon() {
        abandoned = true;
        stop();
    }

    public Outcome run() throws Exception {
        return run(NanoClock.SYSTEM.nanoTime(), MeasuredWindow.NONE);
    }

    /**
     * Waits for the {@code start} instant (nanoTime; several processes on one host share it), then runs; tells
     * {@code window} when the measured part begins and when its last item has completed.
     */
    public Outcome run(long start, MeasuredWindow window) throws Exception {
        return run(start, window, 0, 1);
    }

    /**
     * As {@link #run(long, MeasuredWindow)}, for worker JVM {@code part} of its node's {@code parts}: under a closed
     * shape its lanes are every parts-th slot of the node's, from slot {@code part}.
     */
    public Outcome run(long start, MeasuredWindow window, int part, int parts) throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        threads.resetPeakThreadCount();
        NanoClock clock = NanoClock.SYSTEM;
        for (long wait = start - clock.nanoTime(); wait > 0; wait = start - clock.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        window.opened();
        try {
            model.drive(bounded(start), new Pacer(spec.profile(), clock, start).part(part, parts));
        } finally {
            window.closed();
        }
        long drove = clock.nanoTime();
        feed.close();
        if (!abandoned) {
            ledger.flush();
        }
        Tally total = tally.total();
        long last = tally.lastEnd();
        int peak = threads.getPeakThreadCount();
        long inFlightPeak = tally.inFlightPeak();
        for (WorkerReport r : children.reports()) {
            total = total.plus(r.tally().decode());
            peak += r.threadsPeak();
            last = Math.max(last, r.lastEnd());
            inFlightPeak += r.inFlightPeak();
        }
        // wall time ends with the last completed item, not with waiting for others' chunks to come back
        return new Outcome(total, (last == Long.MIN_VALUE ? drove : last) - start, peak, inFlightPeak);
    }

    /**
     * A duration bounds a closed loop by the clock. With a rate it defines the schedule instead, as in wrk2: exactly
     * the items whose slot falls inside it, even those a late sender takes after the deadline, and none beyond it
     * (event-loop lanes take their next item before its slot, so a clock cut would let early-taken ones through):
     * the chunk book already holds exactly those items.
     */
    private Items bounded(long start) {
        if (spec.duration() == null || spec.paced()) {
            return feed;
        }
        return feed.until(start + spec.duration().toNanos(), NanoClock.SYSTEM);
    }

    @Override
    public void close() throws Exception {
        try {
            feed.close();
            model.close();
        } finally {
            tasks.close();
        }
    }
}
