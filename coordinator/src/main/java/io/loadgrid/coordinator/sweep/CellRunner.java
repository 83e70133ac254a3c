package io.loadgrid.coordinator.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.slo.Objectives;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.run.ObjectiveGuard;
import io.loadgrid.coordinator.run.Phase;
import io.loadgrid.coordinator.run.RunObserver;
import io.loadgrid.coordinator.run.StopSwitch;
import io.loadgrid.coordinator.session.Resolved;
import io.loadgrid.coordinator.session.Session;
import io.loadgrid.coordinator.sweep.plan.Cell;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/** Runs one cell: its warm-ups (results dropped), then its measured repetitions, one progress line each. */
final class CellRunner {
    private final Session session;
    private final PrintStream err;
    private final BooleanSupplier stopAsked;
    private final StopSwitch stop;

    CellRunner(Session session, PrintStream err, BooleanSupplier stopAsked, StopSwitch stop) {
        this.stop = stop;
        this.session = session;
        this.err = err;
        this.stopAsked = stopAsked;
    }

    /**
     * Adds each measured run to {@code runs} as it completes, so that a later failure loses none of them; an
     * interrupted run ends the cell (it is kept: what it measured is not thrown away), and so does a stop asked
     * between runs, and a run stopped because it lost an objective ({@code abort_on_fail}): the cell has failed it,
     * and its verdicts are judged on the runs it has. Warm-ups are not held to the objectives.
     */
    void run(
            Cell cell,
            RunRequest options,
            String position,
            int warmups,
            int repetitions,
            List<RunResult> runs,
            RunObserver observer)
            throws Exception {
        Resolved resolved = session.resolve(options);
        for (int w = 1; w <= warmups; w++) {
            if (stopAsked.getAsBoolean()
                    || once(
                                    cell,
                                    options,
                                    resolved,
                                    observer.in(Phase.WARMUP),
                                    position,
                                    "warm-up " + w + "/" + warmups,
                                    false)
                            .wasInterrupted()) {
                return;
            }
        }
        for (int i = 1; i <= repetitions && !stopAsked.getAsBoolean(); i++) {
            RunResult r = once(cell, options, resolved, observer, position, "run " + i + "/" + repetitions, true);
            runs.add(r);
            if (r.wasInterrupted() || r.stoppedBy() != null) {
                return;
            }
        }
    }

    /** Whether the sweep was asked to stop: no further run starts. */
    boolean stopAsked() {
        return stopAsked.getAsBoolean();
    }

    /** One run of {@code options}, its target resolved first (a search's runs differ in rate only). */
    RunResult once(Cell cell, RunRequest options, RunObserver observer, String position, String what, boolean measured)
            throws Exception {
        return once(cell, options, session.resolve(options), observer, position, what, measured);
    }

    private RunResult once(
            Cell cell,
            RunRequest options,
            Resolved resolved,
            RunObserver observer,
            String position,
            String what,
            boolean measured)
            throws Exception {
        String label = "[" + position + " " + cell.id() + "] " + cell.name() + " · " + what;
        RunResult r = session.run(
                options,
                resolved,
                err,
                (spec, target, agents) -> err.println(label + " on " + agents + " agent(s)"),
                observer,
                stop,
                new ObjectiveGuard(measured ? cell.slo() : Objectives.NONE));
        err.println(String.format(
                Locale.ROOT,
                "%s: %.2f s, %,.1f items/s, p99 %.2f ms, %,d failed%s",
                label,
                r.rates().wallS(),
                r.rates().itemsPerS(),
                r.latency().latencyUs().p99() / 1e3,
                r.counts().failed(),
                r.wasInterrupted() ? " (interrupted)" : r.stoppedBy() != null ? " (stopped: objective lost)" : ""));
        return r;
    }
}
