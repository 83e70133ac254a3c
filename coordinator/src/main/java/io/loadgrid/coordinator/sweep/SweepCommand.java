package io.loadgrid.coordinator.sweep;

import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.coordinator.cli.RunCommand;
import io.loadgrid.coordinator.cli.RunOptions;
import io.loadgrid.coordinator.report.sweep.Comparisons;
import io.loadgrid.coordinator.session.Session;
import io.loadgrid.coordinator.sweep.plan.Cell;
import io.loadgrid.coordinator.sweep.plan.CellOptions;
import io.loadgrid.coordinator.sweep.plan.SweepPlan;
import io.loadgrid.coordinator.sweep.results.CellResult;
import io.loadgrid.coordinator.sweep.results.CellSummary;
import io.loadgrid.coordinator.sweep.results.SweepResults;
import io.loadgrid.coordinator.sweep.store.SweepStore;
import io.loadgrid.coordinator.target.Preflight;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Runs a parsed sweep on one session (local: target and agent JVMs started once) and prints where its outputs are. */
public final class SweepCommand implements Callable<Integer> {
    public static final int INTERRUPTED = 130;
    private final SweepOptions.Valid sweep;
    private final ClusterOptions cluster;
    private final PrintStream out;
    private final PrintStream err;

    public SweepCommand(SweepOptions.Valid sweep, ClusterOptions cluster, PrintStream out, PrintStream err) {
        this.sweep = sweep;
        this.cluster = cluster;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        SweepPlan plan = sweep.plan();
        Map<String, RunOptions.Valid> options = options(plan);
        boolean local = cluster.join().isEmpty();
        int agents = options.values().stream().mapToInt(RunOptions.Valid::agents).max().orElse(1);
        List<String> targets = new ArrayList<>(new LinkedHashSet<>(options.values().stream()
                .flatMap(o -> RunCommand.userTargets(o).stream()).toList()));
        for (String t : targets) {
            Preflight.reachable(t);
        }
        for (RunOptions.Valid o : options.values()) {
            if (o.embeddedTarget() && !local) {
                throw new IllegalArgumentException("with --join the agents need a target they can reach: give every cell a base or url in the plan");
            }
        }
        SweepStore store = new SweepStore(sweep.dir());
        try (Session session = Session.open(cluster, agents, targets)) {
            SweepResults start = sweep.previous() != null ? sweep.previous() : fresh(plan, session);
            out.println("loadgrid sweep " + start.sweepId() + ": " + plan.cells().size() + " cell(s) of plan " + plan.name() + " ("
                    + plan.file() + "), " + plan.repetitions() + " run(s) + " + plan.warmups() + " warm-up(s) each; outputs in " + store.dir());
            store.save(start);
            SweepRunner runner = new SweepRunner(plan, options, session, store, err);
            SweepResults done = runner.run(start);
            Comparisons.of(done).forEach(g -> g.lines().forEach(out::println));
            out.println("wrote " + store.dir() + "/{results.json,results.csv,summary.md,report.html,plots/}");
            if (runner.interrupted() || done.cells().stream().anyMatch(c -> !c.done())) {
                out.println("not every cell completed; continue with: ./loadgrid sweep --resume " + start.sweepId()
                        + (sweep.outRoot() == null ? "" : " --out " + sweep.outRoot()));
                return runner.interrupted() ? INTERRUPTED : 1;
            }
            return 0;
        }
    }

    /** Every cell's run options, the sweep's --agents filling in cells that do not name their own. */
    private Map<String, RunOptions.Valid> options(SweepPlan plan) {
        Map<String, RunOptions.Valid> options = new LinkedHashMap<>();
        for (Cell c : plan.cells()) {
            Map<String, Object> params = new LinkedHashMap<>(c.params());
            if (sweep.agents() != null) {
                params.putIfAbsent("agents", sweep.agents());
            }
            options.put(c.id(), CellOptions.of(params).validate());
        }
        return options;
    }

    private SweepResults fresh(SweepPlan plan, Session session) {
        List<CellResult> cells = plan.cells().stream().map(c -> CellSummary.of(c, "pending", null, List.of(), session.local())).toList();
        return new SweepResults(SweepResults.SCHEMA, sweep.sweepId(), new SweepResults.PlanInfo(plan.name(), plan.description(),
                plan.file(), plan.repetitions(), plan.warmups(), plan.source()), EnvironmentProbe.of(session.node(), session.local()), cells);
    }
}
