package io.loadgrid.common.profile;

/**
 * Turns a {@link LoadProfile} into absolute intended start times on a {@link NanoClock} and waits for them.
 * A closed loop never waits: the intended start of an item is the moment a sender picks it up.
 */
public final class Pacer {
    private final LoadProfile profile;
    private final NanoClock clock;
    private final long startNanos;

    public Pacer(LoadProfile profile, NanoClock clock, long startNanos) {
        this.profile = profile;
        this.clock = clock;
        this.startNanos = startNanos;
    }

    /** The intended start of item {@code seq}, in the clock's nanoseconds. */
    public long intendedStart(long seq) {
        long offset = profile.intendedOffsetNanos(seq);
        return offset < 0 ? clock.nanoTime() : startNanos + offset;
    }

    /** How long a sender must still wait before sending item {@code seq}; 0 when it is due. */
    public long nanosUntil(long intendedStart) {
        return Math.max(0, intendedStart - clock.nanoTime());
    }

    /** Blocks the calling thread until {@code intendedStart}; returns that instant. */
    public long awaitStart(long seq) throws InterruptedException {
        long intended = intendedStart(seq);
        long wait;
        while ((wait = nanosUntil(intended)) > 0) {
            clock.sleepNanos(wait);
        }
        return intended;
    }

    public long startNanos() {
        return startNanos;
    }

    public NanoClock clock() {
        return clock;
    }
}
