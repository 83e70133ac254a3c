package io.loadgrid.common.metrics;

import java.math.BigInteger;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a set of items produced, in a form that merges exactly: counts add, histograms add.
 * Sent between processes (worker to agent, later agent to coordinator) and merged there.
 *
 * @param resultHi high part of the CPU workloads' result sum (bits 32 and up of each item's value), see {@link #result()}
 */
public record Tally(long ok, Map<FailureKind, Long> failures, long bytesUp, long bytesDown, long bytesWritten,
                    long resultHi, long resultLo, Histogram latency, Histogram uncorrected) {

    public static Tally empty() {
        return new Tally(0, new EnumMap<>(FailureKind.class), 0, 0, 0, 0, 0, Histograms.newLatency(), Histograms.newLatency());
    }

    public long failed() {
        return failures.values().stream().mapToLong(Long::longValue).sum();
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
        return new Tally(ok + o.ok, f, bytesUp + o.bytesUp, bytesDown + o.bytesDown, bytesWritten + o.bytesWritten,
                resultHi + o.resultHi, resultLo + o.resultLo, lat, unc);
    }

    /** A line-safe text form for the worker-to-agent pipe. */
    public Encoded encode() {
        var f = new EnumMap<FailureKind, Long>(FailureKind.class);
        f.putAll(failures);
        return new Encoded(ok, f, bytesUp, bytesDown, bytesWritten, resultHi, resultLo,
                Histograms.encode(latency), Histograms.encode(uncorrected));
    }

    public record Encoded(long ok, Map<FailureKind, Long> failures, long bytesUp, long bytesDown, long bytesWritten,
                          long resultHi, long resultLo, String latency, String uncorrected) {
        public Tally decode() {
            var f = new EnumMap<FailureKind, Long>(FailureKind.class);
            f.putAll(failures);
            return new Tally(ok, f, bytesUp, bytesDown, bytesWritten, resultHi, resultLo,
                    Histograms.decode(latency), Histograms.decode(uncorrected));
        }
    }
}
