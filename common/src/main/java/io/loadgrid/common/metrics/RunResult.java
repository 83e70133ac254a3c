package io.loadgrid.common.metrics;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * The result of one run, as written by {@code --json}: one definition of every figure for every model.
 * Rates divide by {@code wall_s}; bytes are wire bytes; latency percentiles come from one merged histogram.
 *
 * @param reqPerS              responses per second: items that got an answer (ok, or a 4xx/5xx counted as failed), as
 *                             wrk counts requests; connect, timeout and reset failures got none and do not count
 * @param itemsPerS            items finished per second, failed ones included: the pace the schedule was kept at
 * @param latencyUs            intended start to last byte (equals the uncorrected one in a closed loop)
 * @param latencyUncorrectedUs actual send to last byte, as wrk2 keeps beside the corrected one
 * @param scheduleLagUs        actual send minus intended start, for every item sent: how far the generator itself fell
 *                             behind the schedule (near 0 when it kept up; in a closed loop, the time from taking an
 *                             item to sending it)
 * @param result               the CPU workloads' sum over all items, null for HTTP
 * @param targetCounts         what the target itself counted for this run, when it could be asked
 * @param interrupted          true when the user stopped the run early: the figures cover the items that ran
 * @param cluster              how the run was spread over agents (total only)
 * @param nodes                each agent's own figures (total only); the total's counts and histograms are their sums
 * @param latencyHistogram     the corrected latency histogram itself (compressed, base64), so that repetitions and
 *                             sweeps can merge it instead of averaging percentiles; the uncorrected and the schedule
 *                             lag histograms likewise
 * @param busiestThreadPct     CPU of the busiest agent thread in % of one core (the total: the busiest of any node); an
 *                             event loop or sending thread near 100% means the generator, not the target, set the pace
 */
public record RunResult(
        int schema,
        String model,
        int concurrency,
        String workload,
        String target,
        Parameters parameters,
        long items,
        long ok,
        long failed,
        Map<String, Long> failures,
        double wallS,
        double reqPerS,
        double itemsPerS,
        long bytesDown,
        long bytesUp,
        long bytesWritten,
        double downloadBytesPerS,
        double uploadBytesPerS,
        LatencySummary latencyUs,
        LatencySummary latencyUncorrectedUs,
        LatencySummary scheduleLagUs,
        AvgMax cpuProcessPct,
        AvgMax cpuSystemPct,
        AvgMax rssMb,
        int threadsMax,
        int cores,
        BigInteger result,
        TargetCounts targetCounts,
        Boolean interrupted,
        ClusterSummary cluster,
        List<NodeResult> nodes,
        String latencyHistogram,
        String latencyUncorrectedHistogram,
        String scheduleLagHistogram,
        Double busiestThreadPct) {

    public static final int SCHEMA = 1;

    /**
     * The knobs of the run that are not the model or its concurrency.
     *
     * @param model     the model's own knobs by plan key (pool, threads, processes), written beside the others
     * @param prewarmed whether every sender ran its sending path and opened its connection before the start instant
     *                  (--no-prewarm: a cold start, connects included)
     */
    public record Parameters(
            Double rate,
            Double durationS,
            Integer batch,
            @JsonAnyGetter @JsonAnySetter Map<String, Object> model,
            long timeoutMs,
            String sink,
            boolean prewarmed) {
        public Parameters {
            model = model == null ? Map.of() : Map.copyOf(model);
        }
    }

    /** The same result with its cluster layout and per-node figures. */
    public RunResult withNodes(ClusterSummary c, List<NodeResult> n) {
        return new RunResult(
                schema,
                model,
                concurrency,
                workload,
                target,
                parameters,
                items,
                ok,
                failed,
                failures,
                wallS,
                reqPerS,
                itemsPerS,
                bytesDown,
                bytesUp,
                bytesWritten,
                downloadBytesPerS,
                uploadBytesPerS,
                latencyUs,
                latencyUncorrectedUs,
                scheduleLagUs,
                cpuProcessPct,
                cpuSystemPct,
                rssMb,
                threadsMax,
                cores,
                result,
                targetCounts,
                interrupted,
                c,
                List.copyOf(n),
                latencyHistogram,
                latencyUncorrectedHistogram,
                scheduleLagHistogram,
                busiestThreadPct);
    }

    /**
     * How the run was spread.
     *
     * @param chunksReleased chunks handed back when their agent was lost
     * @param chunksRerun    of those, the ones another agent ran again (the lost one had not committed them)
     * @param missingItems   items of a count-bounded run that no committed chunk covers (0 unless stopped or agents
     * lost)
     */
    public record ClusterSummary(
            int agents,
            String split,
            long chunkSize,
            long chunks,
            long chunksReleased,
            long chunksRerun,
            List<String> lostNodes,
            long missingItems) {}

    /**
     * One agent's figures. A lost node keeps the chunks it committed; its bytes and resources are its last snapshot's.
     */
    public record NodeResult(
            String node,
            String address,
            String host,
            boolean lost,
            long chunks,
            long duplicateChunks,
            String error,
            RunResult result) {}
}
