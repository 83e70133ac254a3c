package io.loadgrid.common.profile;

import java.util.concurrent.locks.LockSupport;

/** The monotonic clock the engine paces and measures with; injected so that schedules are testable without sleeping. */
public interface NanoClock {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    NanoClock SYSTEM = new NanoClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            LockSupport.parkNanos(nanos);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    };
}
