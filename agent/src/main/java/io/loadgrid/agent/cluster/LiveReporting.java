package io.loadgrid.agent.cluster;

import io.loadgrid.agent.metrics.GeneratorThreads;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.agent.metrics.ResourceSampler;
import io.loadgrid.agent.run.Engine;
import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.cluster.RunControl;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * While a run lasts: a snapshot to the coordinator every second of it and one when it ends, and a look at the
 * coordinator every 100 ms. When it asks to stop, or is gone or silent, the engine stops handing out items at once.
 */
final class LiveReporting implements AutoCloseable {
    private static final long WATCH_MS = 100;
    /**
     * Milliseconds between snapshots; 0 sends none, which only serves to measure what streaming costs (bench/peers.sh):
     * without snapshots the coordinator shows no progress and exports no live series.
     */
    private static final long SNAPSHOT_MS = Long.getLong("loadgrid.snapshot.ms", 1000);
    /**
     * How long after each whole second of the run a snapshot is taken: the resource sampler's second ends on the whole
     * second, so the CPU a snapshot carries is the second it covers, and the first snapshot is not an empty one.
     */
    private static final long AFTER_SECOND_MS = 100;

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(
            2, Thread.ofPlatform().daemon().name("live-", 0).factory());
    private final RunBoard board;
    private final String me;
    private final Engine engine;
    private final ResourceSampler sampler;
    private final CoordinatorWatch watch;
    private volatile boolean lost;
    private volatile boolean stopped;
    private long seq;

    /** {@code startNanos}: the start instant on this host's nanoTime; the snapshots count whole seconds from it. */
    LiveReporting(
            RunBoard board,
            String me,
            Engine engine,
            ResourceSampler sampler,
            CoordinatorWatch watch,
            long startNanos) {
        this.board = board;
        this.me = me;
        this.engine = engine;
        this.sampler = sampler;
        this.watch = watch;
        if (SNAPSHOT_MS > 0) {
            timer.scheduleAtFixedRate(
                    this::snapshot,
                    firstSnapshotIn(startNanos, System.nanoTime()),
                    TimeUnit.MILLISECONDS.toNanos(SNAPSHOT_MS),
                    TimeUnit.NANOSECONDS);
        }
        timer.scheduleWithFixedDelay(this::look, WATCH_MS, WATCH_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Nanoseconds from {@code now} to the first snapshot: on the run's grid of whole seconds from its start, the next
     * one still ahead, so that an agent that learnt of the start late keeps the same seconds as the others.
     */
    static long firstSnapshotIn(long startNanos, long now) {
        long period = TimeUnit.MILLISECONDS.toNanos(SNAPSHOT_MS);
        long offset = TimeUnit.MILLISECONDS.toNanos(AFTER_SECOND_MS);
        long k = now <= startNanos ? 1 : (now - startNanos - offset) / period + 1;
        return startNanos + k * period + offset - now;
    }

    private void look() {
        if (stopped) {
            return;
        }
        switch (watch.look()) {
            case CoordinatorWatch.Seen.Gone g -> {
                // leave partly run chunks uncommitted: if the coordinator is in fact there, it hands them to others
                // whole
                lost = true;
                stopped = true;
                engine.abandon();
            }
            case CoordinatorWatch.Seen.Control(RunControl c)
            when c.stop() -> {
                stopped = true;
                engine.stop();
            }
            default -> {}
        }
    }

    /** Synchronized: the last one, taken as the reporting closes, may meet a periodic one still under way. */
    private synchronized void snapshot() {
        try {
            LiveTally t = engine.tally();
            var latest = sampler.latest();
            // worker processes' items arrive a chunk at a time, their bytes and latencies with their final report
            var failures = new java.util.EnumMap<io.loadgrid.common.metrics.FailureKind, Long>(
                    io.loadgrid.common.metrics.FailureKind.class);
            failures.putAll(t.failures());
            engine.failedElsewhere().forEach((k, v) -> failures.merge(k, v, Long::sum));
            long ok = t.ok() + engine.okElsewhere();
            // done from the same reads as ok and failures: read apart, an item completing in between made failed -1
            long done =
                    ok + failures.values().stream().mapToLong(Long::longValue).sum();
            LiveTally.Interval interval = t.interval();
            board.offer(new NodeSnapshot(
                    me,
                    ++seq,
                    watch.clusterTime(),
                    done,
                    ok,
                    failures,
                    t.wire().up(),
                    t.wire().down(),
                    Histograms.encode(interval.latency()),
                    latest.cpuProcessPct(),
                    latest.rssMb(),
                    GeneratorThreads.live(),
                    t.written(),
                    engine.inFlight(),
                    latest.cpuSystemPct(),
                    Histograms.encode(interval.lag())));
        } catch (RuntimeException e) {
            // a snapshot is best effort: the final figures come from committed chunks and the node report
        }
    }

    boolean coordinatorLost() {
        return lost;
    }

    /** Ends the reporting with one last snapshot: the run's last part-second, which no periodic one covered. */
    @Override
    public void close() {
        timer.shutdown(); // no periodic snapshot or look starts any more; one under way finishes before the last
        if (SNAPSHOT_MS > 0) {
            snapshot();
        }
        timer.shutdownNow();
    }
}
