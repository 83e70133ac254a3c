package io.loadgrid.common.profile;

/** A clock that moves only when told to, so schedules are tested without sleeping. */
final class ManualClock implements NanoClock {
    long now;
    long slept;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public void sleepNanos(long nanos) {
        slept += nanos;
        now += nanos;
    }
}
