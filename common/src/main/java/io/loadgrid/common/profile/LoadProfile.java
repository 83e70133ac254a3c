package io.loadgrid.common.profile;

/**
 * The load shape as data: when item number {@code seq} is meant to start, relative to the run's start.
 * Pacing (waiting for that instant) is separate from sending, as in wrk2 and Simulator's Metronome.
 */
public sealed interface LoadProfile permits LoadProfile.ClosedLoop, LoadProfile.ConstantRate {

    /**
     * Nanoseconds after the start at which item {@code seq} should start; negative means "as soon as a sender is free".
     */
    long intendedOffsetNanos(long seq);

    /** Whether latency counts from the schedule (coordinated omission corrected) rather than from the send. */
    default boolean scheduled() {
        return intendedOffsetNanos(0) >= 0;
    }

    /** Closed model: a sender starts the next item when its previous one completes. */
    record ClosedLoop() implements LoadProfile {
        @Override
        public long intendedOffsetNanos(long seq) {
            return -1;
        }
    }

    /** Open model: items arrive at a constant rate whatever the responses do. */
    record ConstantRate(double perSecond) implements LoadProfile {
        public ConstantRate {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
                throw new IllegalArgumentException(
                        "--rate must be a positive number of requests per second, got " + perSecond);
            }
        }

        @Override
        public long intendedOffsetNanos(long seq) {
            return (long) (seq * 1_000_000_000.0 / perSecond);
        }
    }
}
