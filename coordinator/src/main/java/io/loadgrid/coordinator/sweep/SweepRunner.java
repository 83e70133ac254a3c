package io.loadgrid.coordinator.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.coordinator.cli.Interrupts;
import io.loadgrid.coordinator.cli.RunOptions;
import io.loadgrid.coordinator.run.PlanRejected;
import io.loadgrid.coordinator.session.Session;
import io.loadgrid.coordinator.sweep.plan.Cell;
import io.loadgrid.coordinator.sweep.plan.SweepPlan;
import io.loadgrid.coordinator.sweep.results.CellResult;
import io.loadgrid.coordinator.sweep.results.CellSummary;
import io.loadgrid.coordinator.sweep.results.SweepResults;
import io.loadgrid.coordinator.sweep.store.SweepStore;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a sweep's cells in plan order and saves every output after each cell, so that an interrupted sweep has lost
 * at most the cell it was in. Cells a resumed sweep already completed (same id, same parameters) are kept as they are.
 */
final class SweepRunner {
    private final SweepPlan plan;
    private final Map<String, RunOptions.Valid> options;
    private final Session session;
    private final SweepStore store;
    private final PrintStream err;
    private volatile boolean stopAsked;

    SweepRunner(SweepPlan plan, Map<String, RunOptions.Valid> options, Session session, SweepStore store, PrintStream err) {
        this.plan = plan;
        this.options = options;
        this.session = session;
        this.store = store;
        this.err = err;
    }

    /** Returns the results as saved; {@code interrupted} tells whether cells were left to run. */
    SweepResults run(SweepResults start) throws Exception {
        List<CellResult> cells = new ArrayList<>(start.cells());
        SweepResults current = start;
        CellRunner runner = new CellRunner(session, err);
        // between runs Ctrl-C means "stop after this"; during a run the run's own handler stops it and reports
        try (Interrupts between = new Interrupts(() -> stopAsked = true, err)) {
            for (int i = 0; i < plan.cells().size() && !stopAsked; i++) {
                Cell cell = plan.cells().get(i);
                if (cells.get(i).done()) {
                    err.println("[" + (i + 1) + "/" + plan.cells().size() + " " + cell.id() + "] " + cell.name() + ": done before, kept");
                    continue;
                }
                CellResult result = runCell(runner, cell, (i + 1) + "/" + plan.cells().size());
                cells.set(i, result);
                current = new SweepResults(start.schema(), start.sweepId(), start.plan(), start.environment(), List.copyOf(cells));
                store.save(current);
                stopAsked |= "interrupted".equals(result.status());
            }
        }
        return current;
    }

    boolean interrupted() {
        return stopAsked;
    }

    private CellResult runCell(CellRunner runner, Cell cell, String position) throws Exception {
        List<RunResult> runs = List.of();
        try {
            runs = runner.run(cell, options.get(cell.id()), position, plan.warmups(), plan.repetitions());
        } catch (IllegalArgumentException | PlanRejected e) {
            throw e; // bad input: the command saves what it has and says it in one line
        } catch (Exception e) {
            err.println("[" + position + " " + cell.id() + "] " + cell.name() + " failed: " + e.getMessage());
            return CellSummary.of(cell, "failed", String.valueOf(e.getMessage()), runs, session.local());
        }
        boolean interrupted = runs.size() < plan.repetitions() || runs.stream().anyMatch(r -> r.interrupted() != null);
        CellResult r = CellSummary.of(cell, interrupted ? "interrupted" : "done", null, runs, session.local());
        if (r.saturation().saturated()) {
            err.println("[" + position + " " + cell.id() + "] ⚠ generator saturated: " + String.join("; ", r.saturation().reasons()));
        }
        return r;
    }
}
