package io.loadgrid.coordinator.sweep;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.coordinator.export.CellSeries;
import io.loadgrid.coordinator.export.LoadMetrics;
import io.loadgrid.coordinator.export.RunLabels;
import io.loadgrid.coordinator.request.RunRequest;
import io.loadgrid.coordinator.run.Interrupts;
import io.loadgrid.coordinator.run.PlanRejected;
import io.loadgrid.coordinator.run.StopSwitch;
import io.loadgrid.coordinator.session.Session;
import io.loadgrid.coordinator.sweep.plan.Cell;
import io.loadgrid.coordinator.sweep.plan.SweepPlan;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.CellSummary;
import io.loadgrid.report.results.SearchResult;
import io.loadgrid.report.results.SweepResults;
import io.loadgrid.report.store.SweepStore;
import io.loadgrid.report.sweep.Reports;
import io.loadgrid.report.sweep.SearchLines;
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
    private final Map<String, RunRequest> options;
    private final Session session;
    private final SweepStore store;
    private final PrintStream err;
    private volatile boolean stopAsked;

    private final LoadMetrics metrics;
    private final StopSwitch stop;

    SweepRunner(
            SweepPlan plan,
            Map<String, RunRequest> options,
            Session session,
            SweepStore store,
            PrintStream err,
            LoadMetrics metrics,
            StopSwitch stop) {
        this.stop = stop;
        this.metrics = metrics;
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
        CellRunner runner = new CellRunner(session, err, this::interrupted, stop);
        metrics.sweep(start.sweepId(), plan.cells().size());
        // between runs Ctrl-C means "stop after this"; during a run the run's own handler stops it and reports
        try (Interrupts between = new Interrupts(
                () -> stopAsked = true,
                err,
                "loadgrid sweep: interrupted; saving what was measured, no further run starts (Ctrl-C again to "
                        + "abort)")) {
            for (int i = 0; i < plan.cells().size() && !interrupted(); i++) {
                Cell cell = plan.cells().get(i);
                if (cells.get(i).done()) {
                    err.println("[" + (i + 1) + "/" + plan.cells().size() + " " + cell.id() + "] " + cell.name()
                            + ": done before, kept");
                    metrics.cellDone(start.sweepId());
                    continue;
                }
                session.agents().freshen();
                CellResult result =
                        runCell(runner, cell, (i + 1) + "/" + plan.cells().size(), series(start.sweepId(), cell));
                metrics.cellDone(start.sweepId());
                cells.set(i, result);
                current = new SweepResults(
                        start.schema(), start.sweepId(), start.plan(), start.environment(), List.copyOf(cells));
                store.save(current);
                Reports.writeOrWarn(store.dir(), current, err);
                stopAsked |= "interrupted".equals(result.status());
            }
        }
        return current;
    }

    boolean interrupted() {
        return stopAsked || stop.requested();
    }

    /**
     * A cell that fails (its target went away, an agent refused the plan or was lost with items missing) is recorded
     * as failed with the runs it completed, and the sweep goes on: the other cells still measure something.
     */
    /** The cell's exported series, labelled so that dashboards can tell cells, models and concurrencies apart. */
    private CellSeries series(String sweepId, Cell cell) {
        RunRequest o = options.get(cell.id());
        return metrics.cell(
                new RunLabels(
                        sweepId,
                        cell.id() + " " + cell.name(),
                        o.spec().model().key(),
                        o.spec().concurrency()),
                plan.warmups() + plan.repetitions(),
                o.spec().plannedItems());
    }

    private CellResult runCell(CellRunner runner, Cell planned, String position, CellSeries series) {
        // a searched cell is judged on what its search judged: the search's objectives, the cell's own over them
        Cell cell = plan.search() == null
                ? planned
                : planned.withSlo(plan.search().slo().with(planned.slo()));
        List<RunResult> runs = new ArrayList<>();
        String tag = "[" + position + " " + cell.id() + "] " + cell.name();
        CellSearch searching = null;
        SearchResult found = null;
        try {
            if (plan.search() != null) {
                searching = new CellSearch(runner, session.agents().onThisHost());
                found = searching.run(cell, options.get(cell.id()), plan.search(), position, runs, series);
            } else {
                runner.run(cell, options.get(cell.id()), position, plan.warmups(), plan.repetitions(), runs, series);
            }
        } catch (Exception e) {
            String why =
                    e instanceof PlanRejected || e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            why = String.valueOf(why).strip().replace('\n', ' ');
            err.println(tag + " failed: " + why);
            return CellSummary.of(cell, "failed", why, runs, session.agents().onThisHost());
        }
        // a run stopped for a lost objective left its items unrun on purpose: the cell failed its objective, not a run
        long missing = runs.stream()
                .filter(r -> r.stoppedBy() == null)
                .filter(r -> !r.wasInterrupted())
                .mapToLong(r -> r.spread().cluster().missingItems())
                .sum();
        if (missing > 0) {
            err.println(tag + " failed: " + missing
                    + " items missing (an agent was lost); its runs are kept but not compared");
            return CellSummary.of(
                    cell,
                    "failed",
                    missing + " items missing: an agent was lost",
                    runs,
                    session.agents().onThisHost());
        }
        // a run stopped for a lost objective ends its cell as done: the cell has its verdict, fewer runs are its due
        boolean lostObjective = runs.stream().anyMatch(r -> r.stoppedBy() != null);
        boolean interrupted = runs.stream().anyMatch(RunResult::wasInterrupted)
                || (searching != null ? !searching.finished() : runs.size() < plan.repetitions() && !lostObjective);
        CellResult r = CellSummary.of(
                cell,
                interrupted ? "interrupted" : "done",
                null,
                runs,
                session.agents().onThisHost(),
                found);
        if (found != null) {
            err.println(tag + ": " + SearchLines.of(found));
        }
        if (r.saturation().saturated()) {
            err.println(tag + " ⚠ generator saturated: " + r.saturation().summary());
        }
        return r;
    }
}
