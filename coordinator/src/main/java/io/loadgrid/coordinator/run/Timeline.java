package io.loadgrid.coordinator.run;

import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Second;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The run second by second: each agent's snapshots placed by their cluster time from the start instant, counts as
 * the growth of each agent's cumulative ones, latencies as the merge of their interval histograms. A rate is an
 * agent's growth over the time its snapshot covers (since its previous one, or since the start instant), so that a
 * snapshot 600 ms into the run reports what the agent sustained, not 60% of it; its CPU is weighted the same way, so
 * two snapshots of one agent in one second (the run's last one, say) give that second's CPU once. A snapshot that
 * arrives twice or out of order adds nothing.
 */
public final class Timeline implements RunObserver {
    private final Map<Integer, Bucket> seconds = new TreeMap<>();
    private final Map<String, NodeSnapshot> previous = new HashMap<>();
    private volatile long startMs = Long.MIN_VALUE;

    private static final class Bucket {
        final Histogram latency = Histograms.newLatency();
        final Map<String, NodeSnapshot> last = new HashMap<>();
        /** Per agent: what its snapshots in this second cover. */
        final Map<String, Share> shares = new HashMap<>();

        long failed;
    }

    /** One agent's part of a second: items completed, over how many milliseconds, and its CPU weighted by them. */
    private static final class Share {
        long done;
        long ms;
        double cpuMs;
    }

    /** The run's start instant in cluster time: seconds count from it. */
    public void started(long clusterMs) {
        this.startMs = clusterMs;
    }

    @Override
    public synchronized void snapshot(String address, NodeSnapshot s, Histogram interval) {
        NodeSnapshot before = previous.get(address);
        if (startMs == Long.MIN_VALUE || (before != null && s.seq() <= before.seq())) {
            return;
        }
        previous.put(address, s);
        int t = (int) Math.max(1, Math.round((s.clusterMs() - startMs) / 1000.0));
        Bucket b = seconds.computeIfAbsent(t, k -> new Bucket());
        long ms = Math.max(1, s.clusterMs() - (before == null ? startMs : before.clusterMs()));
        Share share = b.shares.computeIfAbsent(address, k -> new Share());
        share.done += s.done() - (before == null ? 0 : before.done());
        share.ms += ms;
        share.cpuMs += s.cpuProcessPct() * ms;
        b.failed += (s.done() - s.ok()) - (before == null ? 0 : before.done() - before.ok());
        b.latency.add(interval);
        b.last.put(address, s);
    }

    /** Every second seen so far, in order; a second no snapshot fell in is left out, not shown as zero. */
    public synchronized List<Second> seconds() {
        List<Second> out = new ArrayList<>();
        seconds.forEach((t, b) -> {
            boolean known = b.last.values().stream().allMatch(s -> s.inFlight() >= 0);
            long inFlight = known
                    ? b.last.values().stream().mapToLong(NodeSnapshot::inFlight).sum()
                    : -1;
            out.add(new Second(
                    t,
                    b.shares.values().stream()
                            .mapToLong(a -> Math.round(a.done * 1000.0 / a.ms))
                            .sum(),
                    b.failed,
                    b.latency.getTotalCount() == 0 ? 0 : b.latency.getValueAtPercentile(99),
                    inFlight,
                    b.shares.values().stream().mapToDouble(a -> a.cpuMs / a.ms).sum()));
        });
        return out;
    }

    @Override
    public void finished(RunResult result) {}

    @Override
    public void aborted() {}
}
