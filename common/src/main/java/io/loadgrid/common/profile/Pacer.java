package io.loadgrid.common.profile;

/**
 * Turns a {@link LoadProfile} into absolute intended start times on a {@link NanoClock} and waits for them.
 * A closed loop never waits: the intended start of an item is the moment a sender picks it up. Under a closed shape a
 * sender's lane is also a slot of its node, open or closed over time ({@link #laneOpens}).
 */
public final class Pacer {
    private final LoadProfile profile;
    private final NanoClock clock;
    private final long startNanos;
    /** Lane l of this pacer's senders is slot {@code firstSlot + l * slotStride} of the node. */
    private final int firstSlot;

    private final int slotStride;

    public Pacer(LoadProfile profile, NanoClock clock, long startNanos) {
        this(profile, clock, startNanos, 0, 1);
    }

    private Pacer(LoadProfile profile, NanoClock clock, long startNanos, int firstSlot, int slotStride) {
        this.profile = profile;
        this.clock = clock;
        this.startNanos = startNanos;
        this.firstSlot = firstSlot;
        this.slotStride = slotStride;
    }

    /**
     * The pacer of part {@code part} of {@code parts} (a worker JVM, an event loop) whose lanes interleave with the
     * other parts': its lane l is lane {@code part + l * parts} here, so every part holds its share of the open slots
     * at every moment.
     */
    public Pacer part(int part, int parts) {
        return new Pacer(profile, clock, startNanos, firstSlot + part * slotStride, slotStride * parts);
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

    /** Whether lanes open and close over time; when false every lane is always open. */
    public boolean gated() {
        return profile.gated();
    }

    /** When lane {@code lane} may take its next item: now or later (clock nanoseconds), or -1 for never again. */
    public long laneOpens(int lane) {
        long now = clock.nanoTime();
        long at = profile.slotOpensAt(firstSlot + lane * slotStride, Math.max(0, now - startNanos));
        return at < 0 ? -1 : Math.max(now, startNanos + at);
    }

    public long startNanos() {
        return startNanos;
    }

    public NanoClock clock() {
        return clock;
    }
}
