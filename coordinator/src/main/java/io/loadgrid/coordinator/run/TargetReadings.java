package io.loadgrid.coordinator.run;

import io.loadgrid.common.metrics.TargetCounts;
import io.loadgrid.coordinator.target.StatsClient;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The target's own counts on either side of a run. A single try was not enough: on a host busy starting JVMs (a CI
 * run) one reading took longer than its wait, and the run lost its target counts. So the reading before is retried
 * while the agents prepare, which costs the run nothing, and the reading after is retried for a target that answered
 * before. A target that answers without loadgrid counts (any other server: a 404) is asked once; one that never
 * answers is not asked after, and holds the run's start back by at most two waits.
 */
final class TargetReadings {
    private static final int AFTER_TRIES = 3;
    private static final long PAUSE_MS = 100;
    private final String base;

    /** @param base the target's base URL, or null when it is not an HTTP target that may answer /stats */
    TargetReadings(String base) {
        this.base = base;
    }

    /** Reads before the run, on its own thread, until {@code during} has returned and two tries were made. */
    TargetCounts.Reading around(Preparation during) throws Exception {
        if (base == null) {
            during.run();
            return null;
        }
        AtomicBoolean prepared = new AtomicBoolean();
        FutureTask<TargetCounts.Reading> reading = new FutureTask<>(() -> {
            for (int tries = 1; ; tries++) {
                try {
                    return StatsClient.read(base);
                } catch (StatsClient.NoStats e) {
                    // it answered: not a loadgrid target, or not one that counts; one question was enough
                    return null;
                } catch (IOException | RuntimeException e) {
                    if (tries >= 2 && prepared.get()) {
                        return null;
                    }
                }
                Thread.sleep(PAUSE_MS);
            }
        });
        Thread.ofVirtual().name("target-stats").start(reading);
        try {
            during.run();
            prepared.set(true);
            return reading.get();
        } catch (ExecutionException e) {
            return null;
        } finally {
            reading.cancel(true);
        }
    }

    /** The counts since {@code before}, or null when there was none or the target restarted in between. */
    TargetCounts since(TargetCounts.Reading before) throws InterruptedException {
        if (before == null) {
            return null;
        }
        for (int tries = 1; tries <= AFTER_TRIES; tries++) {
            TargetCounts.Reading after = once();
            if (after != null) {
                return after.since(before);
            }
            Thread.sleep(PAUSE_MS);
        }
        return null;
    }

    private TargetCounts.Reading once() {
        try {
            return StatsClient.read(base);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** What runs while the first reading is taken. */
    @FunctionalInterface
    interface Preparation {
        void run() throws Exception;
    }
}
