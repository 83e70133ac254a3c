package io.loadgrid.coordinator.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.coordinator.cli.RunOptions;
import io.loadgrid.coordinator.session.Resolved;
import io.loadgrid.coordinator.session.Session;
import io.loadgrid.coordinator.sweep.plan.Cell;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs one cell: its warm-ups (results dropped), then its measured repetitions, one progress line each. */
final class CellRunner {
    private final Session session;
    private final PrintStream err;

    CellRunner(Session session, PrintStream err) {
        this.session = session;
        this.err = err;
    }

    /** The measured runs; an interrupted one ends the list (it is kept: what it measured is not thrown away). */
    List<RunResult> run(Cell cell, RunOptions.Valid options, String position, int warmups, int repetitions) throws Exception {
        Resolved resolved = session.resolve(options);
        for (int w = 1; w <= warmups; w++) {
            RunResult r = once(cell, options, resolved, position, "warm-up " + w + "/" + warmups);
            if (r.interrupted() != null) {
                return List.of();
            }
        }
        List<RunResult> runs = new ArrayList<>();
        for (int i = 1; i <= repetitions; i++) {
            RunResult r = once(cell, options, resolved, position, "run " + i + "/" + repetitions);
            runs.add(r);
            if (r.interrupted() != null) {
                break;
            }
        }
        return runs;
    }

    private RunResult once(Cell cell, RunOptions.Valid options, Resolved resolved, String position, String what) throws Exception {
        String label = "[" + position + " " + cell.id() + "] " + cell.name() + " · " + what;
        RunResult r = session.run(options, resolved, err, (spec, target, agents) -> err.println(label + " on " + agents + " agent(s)"));
        err.println(String.format(Locale.ROOT, "%s: %.2f s, %,.1f items/s, p99 %.2f ms, %,d failed%s", label, r.wallS(), r.reqPerS(),
                r.latencyUs().p99() / 1e3, r.failed(), r.interrupted() != null ? " (interrupted)" : ""));
        return r;
    }
}
