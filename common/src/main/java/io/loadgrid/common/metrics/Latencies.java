package io.loadgrid.common.metrics;

/**
 * A run's latencies: each summary is read from one merged histogram, which is kept beside it (compressed, base64) so
 * that repetitions and sweeps merge histograms instead of averaging percentiles.
 *
 * @param latencyUs            intended start to last byte (equals the uncorrected one in a closed loop)
 * @param latencyUncorrectedUs actual send to last byte, as wrk2 keeps beside the corrected one
 * @param scheduleLagUs        actual send minus intended start, for every item sent: how far the generator itself fell
 *                             behind the schedule (near 0 when it kept up; in a closed loop, the time from taking an
 *                             item to sending it)
 */
public record Latencies(
        LatencySummary latencyUs,
        LatencySummary latencyUncorrectedUs,
        LatencySummary scheduleLagUs,
        String latencyHistogram,
        String latencyUncorrectedHistogram,
        String scheduleLagHistogram) {}
