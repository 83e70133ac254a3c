package io.loadgrid.common.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.HdrHistogram.Histogram;

/** Percentiles of one (merged) histogram in microseconds; computed once, at the end, never averaged. */
public record LatencySummary(
        long p50, long p90, long p99, @JsonProperty("p999") long p999, long max, double mean, long count) {

    public static LatencySummary of(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new LatencySummary(0, 0, 0, 0, 0, 0, 0);
        }
        return new LatencySummary(
                h.getValueAtPercentile(50),
                h.getValueAtPercentile(90),
                h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9),
                h.getMaxValue(),
                Math.round(h.getMean() * 10) / 10.0,
                h.getTotalCount());
    }
}
