package io.loadgrid.coordinator.run;

import io.loadgrid.common.cluster.RunBoard;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * The live view of a run: the agents' 1 Hz snapshots merged (counts from each node's latest, latency intervals
 * added into one histogram), shown as one progress line: done/total, rate, failures, ETA.
 */
public final class Progress {
    private static final long QUIET_LINE_NANOS = 5_000_000_000L;
    private final RunBoard board;
    private final long total;
    private final PrintStream err;
    private final boolean tty;
    private final Map<String, NodeSnapshot> last = new ConcurrentHashMap<>();
    private final Histogram live = Histograms.newLatency();
    private long prevDone;
    private final long started = System.nanoTime();
    private long prevNanos = started;
    private long lastLine;
    private boolean printed;
    private final RunObserver observer;
    private final Map<String, String> addresses;

    /** {@code addresses}: agent uuid to host:port, the name the observer knows agents by. */
    public Progress(
            RunBoard board,
            long total,
            PrintStream err,
            boolean tty,
            RunObserver observer,
            Map<String, String> addresses) {
        this.observer = observer;
        this.addresses = addresses;
        this.board = board;
        this.total = total;
        this.err = err;
        this.tty = tty;
    }

    /** Takes in the snapshots that arrived and shows the line (on a terminal every call, otherwise every 5 s). */
    public synchronized void poll() {
        List<NodeSnapshot> batch = new ArrayList<>();
        board.drain(batch);
        for (NodeSnapshot s : batch) {
            last.merge(s.node(), s, (a, b) -> b.seq() > a.seq() ? b : a);
            Histogram interval = Histograms.decode(s.intervalLatency());
            live.add(interval);
            observer.snapshot(addresses.getOrDefault(s.node(), s.node()), s, interval);
        }
        long now = System.nanoTime();
        long done = last.values().stream().mapToLong(NodeSnapshot::done).sum();
        long failed = last.values().stream().mapToLong(s -> s.done() - s.ok()).sum();
        double rate = (done - prevDone) / ((now - prevNanos) / 1e9);
        prevDone = done;
        prevNanos = now;
        if (!tty && lastLine == 0 && done == 0 && now - started < QUIET_LINE_NANOS) {
            return; // a log gets no "0 items" line for every short run; a run stuck at 0 still shows after 5 s
        }
        if (!tty && now - lastLine < QUIET_LINE_NANOS) {
            return;
        }
        lastLine = now;
        String eta = total > 0 && rate > 0
                ? String.format(Locale.ROOT, ", ETA %.0f s", Math.max(0, total - done) / rate)
                : "";
        String of = total > 0 ? String.format(Locale.ROOT, "/%,d (%d%%)", total, done * 100 / total) : "";
        String line = String.format(
                Locale.ROOT,
                "progress: %,d%s items, %,.0f items/s, %,d failed, p99 %.1f ms%s",
                done,
                of,
                rate,
                failed,
                live.getValueAtPercentile(99) / 1e3,
                eta);
        err.print(tty ? "\r" + line + "   " : line + System.lineSeparator());
        printed = true;
    }

    /** The latest snapshot of each node, for nodes lost before their final report. */
    public Map<String, NodeSnapshot> latest() {
        return Map.copyOf(last);
    }

    public synchronized void finish() {
        if (tty && printed) {
            err.println();
        }
    }
}
