package io.loadgrid.common.profile;

/**
 * The load shape as data: when item number {@code seq} is meant to start, relative to the run's start.
 * Pacing (waiting for that instant) is separate from sending, as in wrk2 and Simulator's Metronome.
 */
public sealed interface LoadProfile
        permits LoadProfile.ClosedLoop, LoadProfile.ConstantRate, RateStages, ConcurrencyStages {

    /**
     * Nanoseconds after the start at which item {@code seq} should start; negative means "as soon as a sender is free".
     */
    long intendedOffsetNanos(long seq);

    /** Whether latency counts from the schedule (coordinated omission corrected) rather than from the send. */
    default boolean scheduled() {
        return intendedOffsetNanos(0) >= 0;
    }

    /** Whether senders' slots open and close over time ({@link #slotOpensAt}); false: every slot is always open. */
    default boolean gated() {
        return false;
    }

    /**
     * The earliest offset at or after {@code offsetNanos} at which sender slot {@code slot} (0 .. in flight - 1 of its
     * node) may take an item, or -1 when the shape never opens it again.
     */
    default long slotOpensAt(int slot, long offsetNanos) {
        return offsetNanos;
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
