package io.loadgrid.common.metrics;

/** A sampled resource figure over a run. */
public record AvgMax(double avg, double max) {
    public static final AvgMax NONE = new AvgMax(0, 0);
}
