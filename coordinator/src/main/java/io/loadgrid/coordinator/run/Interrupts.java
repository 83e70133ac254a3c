package io.loadgrid.coordinator.run;

import java.io.PrintStream;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The first Ctrl-C stops handing out items so that what was measured is reported, not lost; the second one ends
 * the process at once.
 */
public final class Interrupts implements AutoCloseable {
    private static final Signal INT = new Signal("INT");
    private final SignalHandler previous;
    private volatile boolean fired;

    public Interrupts(Runnable stop, PrintStream err) {
        this(
                stop,
                err,
                "loadgrid run: interrupted; finishing the items in flight and reporting (Ctrl-C again to abort)");
    }

    /** {@code message} tells the user what the first Ctrl-C does and that a second one aborts. */
    public Interrupts(Runnable stop, PrintStream err, String message) {
        SignalHandler prev;
        try {
            prev = Signal.handle(INT, sig -> {
                fired = true;
                Signal.handle(INT, SignalHandler.SIG_DFL);
                err.println(message);
                stop.run();
            });
        } catch (IllegalArgumentException unavailable) {
            prev = null; // the JVM runs with -Xrs or owns SIGINT: keep the default behaviour
        }
        this.previous = prev;
    }

    public boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        if (previous != null) {
            Signal.handle(INT, previous);
        }
    }
}
