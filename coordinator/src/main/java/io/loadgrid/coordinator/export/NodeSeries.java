package io.loadgrid.coordinator.export;

import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.RunResult;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * One agent's series in one cell. Counters are the finished runs' totals plus the live run's latest snapshot; when a
 * run ends, each takes the larger of its live and its final value, so no counter ever goes down and the run's last
 * interval (which no snapshot carried) is not lost. A run that ends without a result keeps what its snapshots said.
 * Only a live run holds a histogram; finished runs are kept as bucket counts, so kept sweeps cost little memory.
 */
final class NodeSeries {
    /** Outcome label values: ok, then every failure kind. */
    static final String[] OUTCOMES = outcomes();

    private final long[] requests = new long[OUTCOMES.length];
    private long up;
    private long down;
    private long written;
    private LatencyPoint latency = LatencyPoint.EMPTY;
    private LatencyPoint lag = LatencyPoint.EMPTY;
    private NodeSnapshot live;
    private Histogram liveLatency;
    private Histogram liveLag;
    private long inFlight;

    synchronized void snapshot(NodeSnapshot s, Histogram interval) {
        if (liveLatency == null) {
            liveLatency = Histograms.newLatency();
            liveLag = Histograms.newLatency();
        }
        liveLatency.add(interval);
        if (s.intervalLag() != null && !s.intervalLag().isEmpty()) {
            liveLag.add(Histograms.decode(s.intervalLag()));
        }
        if (live == null || s.seq() > live.seq()) {
            live = s;
            inFlight = s.inFlight();
        }
    }

    /** The run is over: {@code result} is this node's exact share of it. */
    synchronized void finish(RunResult result) {
        long[] liveRequests = liveRequests();
        long[] finalRequests = requestsOf(result.counts().ok(), result.counts().failures());
        for (int i = 0; i < requests.length; i++) {
            requests[i] += Math.max(liveRequests[i], finalRequests[i]);
        }
        up += Math.max(live == null ? 0 : live.bytesUp(), result.bytes().bytesUp());
        down += Math.max(live == null ? 0 : live.bytesDown(), result.bytes().bytesDown());
        written +=
                Math.max(live == null ? 0 : live.bytesWritten(), result.bytes().bytesWritten());
        latency = latency.plus(finalPoint(result.latency().latencyHistogram(), liveLatency));
        lag = lag.plus(finalPoint(result.latency().scheduleLagHistogram(), liveLag));
        endLive();
    }

    /** The run ended without a result (it failed): what its snapshots counted was sent, and stays counted. */
    synchronized void abort() {
        long[] liveRequests = liveRequests();
        for (int i = 0; i < requests.length; i++) {
            requests[i] += liveRequests[i];
        }
        up = up();
        down = down();
        written = written();
        latency = latency.plus(LatencyPoint.of(liveLatency));
        lag = lag.plus(LatencyPoint.of(liveLag));
        endLive();
    }

    /** The run's exact histogram, holding at least what the live intervals showed. */
    private static LatencyPoint finalPoint(String encoded, Histogram liveIntervals) {
        Histogram end = encoded == null ? Histograms.newLatency() : Histograms.decode(encoded);
        return LatencyPoint.of(liveIntervals == null ? end : atLeast(end, liveIntervals));
    }

    private void endLive() {
        live = null;
        liveLatency = null;
        liveLag = null;
        inFlight = inFlight < 0 ? -1 : 0;
    }

    synchronized long requests(int outcome) {
        return requests[outcome] + liveRequests()[outcome];
    }

    synchronized long up() {
        return up + (live == null ? 0 : live.bytesUp());
    }

    synchronized long down() {
        return down + (live == null ? 0 : live.bytesDown());
    }

    synchronized long written() {
        return written + (live == null ? 0 : live.bytesWritten());
    }

    /** Every latency so far, finished runs and the live one. */
    synchronized LatencyPoint latency() {
        return liveLatency == null ? latency : latency.plus(LatencyPoint.of(liveLatency));
    }

    /** Every schedule lag so far, finished runs and the live one. */
    synchronized LatencyPoint lag() {
        return liveLag == null ? lag : lag.plus(LatencyPoint.of(liveLag));
    }

    /** Items in flight now (0 once the run is over), or -1 when not known live (worker processes run them). */
    synchronized long inFlight() {
        return inFlight;
    }

    /** The latest snapshot while a run is live, for the resource gauges; null between runs. */
    synchronized NodeSnapshot live() {
        return live;
    }

    private long[] liveRequests() {
        return live == null ? new long[OUTCOMES.length] : requestsOf(live.ok(), live.failures());
    }

    /** Outcome i > 0 is failure kind i - 1; results.json names kinds by {@link FailureKind#key()}. */
    private static long[] requestsOf(long ok, Map<?, Long> failures) {
        long[] out = new long[OUTCOMES.length];
        out[0] = ok;
        failures.forEach((k, v) -> {
            FailureKind kind = k instanceof FailureKind f
                    ? f
                    : FailureKind.valueOf(k.toString().toUpperCase(java.util.Locale.ROOT));
            out[kind.ordinal() + 1] = v;
        });
        return out;
    }

    /** Bucket by bucket the larger count of the two, so the result contains both. */
    static Histogram atLeast(Histogram a, Histogram b) {
        Histogram out = a.copy();
        for (HistogramIterationValue v : b.recordedValues()) {
            long extra = v.getCountAtValueIteratedTo() - a.getCountAtValue(v.getValueIteratedTo());
            if (extra > 0) {
                out.recordValueWithCount(v.getValueIteratedTo(), extra);
            }
        }
        return out;
    }

    private static String[] outcomes() {
        FailureKind[] kinds = FailureKind.values();
        String[] out = new String[kinds.length + 1];
        out[0] = "ok";
        for (FailureKind k : kinds) {
            out[k.ordinal() + 1] = k.key();
        }
        return out;
    }
}
