package io.loadgrid.common.metrics;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a set of items produced, in a form that merges exactly: counts add, histograms add.
 * Sent between processes (worker to agent, later agent to coordinator) and merged there.
 *
 * @param resultHi    high part of the CPU workloads' result sum (bits 32 and up of each item's value), see {@link
 * #result()}
 * @param latency     intended start to last byte, µs (coordinated omission corrected)
 * @param uncorrected actual send to last byte, µs
 * @param lag         schedule lag: actual send minus intended start, µs, for every item sent (failed ones too); how far
 *                    the generator itself fell behind the schedule, as Hyperfoil's blocked time and wrk2's two
 *                    histograms give it
 */
public record Tally(
        long ok,
        Map<FailureKind, Long> failures,
        long bytesUp,
        long bytesDown,
        long bytesWritten,
        long resultHi,
        long resultLo,
        Histogram latency,
        Histogram uncorrected,
        Histogram lag) {

    public static Tally empty() {
        return new Tally(
                0,
                new EnumMap<>(FailureKind.class),
                0,
                0,
                0,
                0,
                0,
                Histograms.newLatency(),
                Histograms.newLatency(),
                Histograms.newLatency());
    }

    /**
     * The sum of {@code parts}, added into one tally: {@link #plus} copies its histograms, which summed over a long
     * run's thousands of chunks took a second.
     */
    public static Tally sum(Iterable<Encoded> parts) {
        var f = new EnumMap<FailureKind, Long>(FailureKind.class);
        Histogram lat = Histograms.newLatency();
        Histogram unc = Histograms.newLatency();
        Histogram behind = Histograms.newLatency();
        long ok = 0;
        long up = 0;
        long down = 0;
        long written = 0;
        long hi = 0;
        long lo = 0;
        for (Encoded e : parts) {
            ok += e.ok();
            e.failures().forEach((k, v) -> f.merge(k, v, Long::sum));
            up += e.bytesUp();
            down += e.bytesDown();
            written += e.bytesWritten();
            hi += e.resultHi();
            lo += e.resultLo();
            Histograms.addEncoded(lat, e.latency());
            Histograms.addEncoded(unc, e.uncorrected());
            Histograms.addEncoded(behind, e.lag());
        }
        return new Tally(ok, f, up, down, written, hi, lo, lat, unc, behind);
    }

    /** The same items with other wire bytes (only a node knows its own). */
    public Tally withBytes(long up, long down) {
        return new Tally(ok, failures, up, down, bytesWritten, resultHi, resultLo, latency, uncorrected, lag);
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Items that got an answer: the ok ones and those whose 4xx/5xx status counts as failed. */
    public long responses() {
        return responses(ok, failures);
    }

    /** The same count from an item tally's parts (a live snapshot's), one definition for both. */
    public static long responses(long ok, Map<FailureKind, Long> failures) {
        return ok + failures.getOrDefault(FailureKind.HTTP_4XX, 0L) + failures.getOrDefault(FailureKind.HTTP_5XX, 0L);
    }

    public long items() {
        return ok + failed();
    }

    /** The exact sum of every item's result, which can exceed a long (squares of 10M numbers do). */
    public BigInteger result() {
        return BigInteger.valueOf(resultHi).shiftLeft(32).add(BigInteger.valueOf(resultLo));
    }

    public Tally plus(Tally o) {
        var f = new EnumMap<FailureKind, Long>(FailureKind.class);
        f.putAll(failures);
        o.failures.forEach((k, v) -> f.merge(k, v, Long::sum));
        Histogram lat = latency.copy();
        lat.add(o.latency);
        Histogram unc = uncorrected.copy();
        unc.add(o.uncorrected);
        Histogram behind = lag.copy();
        behind.add(o.lag);
        return new Tally(
                ok + o.ok,
                f,
                bytesUp + o.bytesUp,
                bytesDown + o.bytesDown,
                bytesWritten + o.bytesWritten,
                resultHi + o.resultHi,
                resultLo + o.resultLo,
                lat,
                unc,
                behind);
    }

    /** A line-safe text form for the worker-to-agent pipe. */
    public Encoded encode() {
        var f = new EnumMap<FailureKind, Long>(FailureKind.class);
        f.putAll(failures);
        return new Encoded(
                ok,
                f,
                bytesUp,
                bytesDown,
                bytesWritten,
                resultHi,
                resultLo,
                Histograms.encode(latency),
                Histograms.encode(uncorrected),
                Histograms.encode(lag));
    }

    public record Encoded(
            long ok,
            Map<FailureKind, Long> failures,
            long bytesUp,
            long bytesDown,
            long bytesWritten,
            long resultHi,
            long resultLo,
            String latency,
            String uncorrected,
            String lag) {
        public Tally decode() {
            var f = new EnumMap<FailureKind, Long>(FailureKind.class);
            f.putAll(failures);
            return new Tally(
                    ok,
                    f,
                    bytesUp,
                    bytesDown,
                    bytesWritten,
                    resultHi,
                    resultLo,
                    Histograms.decode(latency),
                    Histograms.decode(uncorrected),
                    Histograms.decode(lag));
        }
    }
}
