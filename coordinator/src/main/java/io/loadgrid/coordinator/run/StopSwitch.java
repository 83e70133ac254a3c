package io.loadgrid.coordinator.run;

/**
 * A stop asked for by the program rather than by Ctrl-C (a long-lived coordinator whose client went away): it stops
 * the run in progress the way Ctrl-C does (items in flight finish and count, the run is kept) and no further run
 * starts.
 */
public final class StopSwitch {
    private volatile boolean requested;
    private Runnable current;

    /** While a run is live, what stops it. */
    public interface Handle extends AutoCloseable {
        @Override
        void close();
    }

    public void request() {
        Runnable stop;
        synchronized (this) {
            if (requested) {
                return;
            }
            requested = true;
            stop = current;
        }
        if (stop != null) {
            stop.run();
        }
    }

    public boolean requested() {
        return requested;
    }

    /** Until the handle is closed, a request runs {@code stop}; a request made earlier runs it at once. */
    public Handle during(Runnable stop) {
        boolean now;
        synchronized (this) {
            current = stop;
            now = requested;
        }
        if (now) {
            stop.run();
        }
        return () -> {
            synchronized (this) {
                current = null;
            }
        };
    }
}
