package io.loadgrid.common.metrics;

import java.math.BigInteger;
import java.util.Map;

/**
 * The result of one run, as written by {@code --json}: one definition of every figure for every model.
 * Rates divide by {@code wall_s}; bytes are wire bytes; latency percentiles come from one merged histogram.
 *
 * @param latencyUs            intended start to last byte (equals the uncorrected one in a closed loop)
 * @param latencyUncorrectedUs actual send to last byte, as wrk2 keeps beside the corrected one
 * @param result               the CPU workloads' sum over all items, null for HTTP
 * @param targetCounts         what the target itself counted for this run, when it could be asked
 * @param interrupted          true when the user stopped the run early: the figures cover the items that ran
 */
public record RunResult(int schema, String model, int concurrency, String workload, String target,
                        Parameters parameters, long items, long ok, long failed, Map<String, Long> failures,
                        double wallS, double reqPerS, long bytesDown, long bytesUp, long bytesWritten,
                        double downloadBytesPerS, double uploadBytesPerS,
                        LatencySummary latencyUs, LatencySummary latencyUncorrectedUs,
                        AvgMax cpuProcessPct, AvgMax cpuSystemPct, AvgMax rssMb, int threadsMax, int cores,
                        BigInteger result, TargetCounts targetCounts, Boolean interrupted) {

    public static final int SCHEMA = 1;

    /** The knobs of the run that are not the model or its concurrency. */
    public record Parameters(Double rate, Double durationS, Integer batch, String pool, Integer threads,
                             Integer processes, long timeoutMs, String sink) {
    }

    /** The target's own wire counts for the run (a delta of its /stats). */
    public record TargetCounts(long requests, long bytesIn, long bytesOut) {
    }
}
