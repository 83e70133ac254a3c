package io.loadgrid.coordinator.export;

import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.coordinator.run.Phase;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * Everything the coordinator exports, read at scrape time from the state of the sweeps it ran: per-agent counters
 * and latency histograms per cell, live gauges while a run lasts, cell and sweep progress, and the agents up. Final
 * values stay after a run; the series of the {@value #SWEEPS_KEPT} most recent sweeps are kept, older ones dropped,
 * so a long-lived coordinator does not grow without bound.
 */
public final class LoadMetrics implements MultiCollector {
    static final int SWEEPS_KEPT = 5;
    private volatile IntSupplier agentsUp = () -> 0;
    private final Map<String, SweepSeries> sweeps = new LinkedHashMap<>();

    /** Where {@code loadgrid_agents_up} comes from, once the coordinator has joined its cluster. */
    public void agentsUp(IntSupplier count) {
        this.agentsUp = count;
    }

    private static final class SweepSeries {
        final Map<String, CellSeries> cells = new LinkedHashMap<>();
        int cellsPlanned;
        int cellsDone;
    }

    /** A sweep (or a single run) begins, or resumes, with {@code cells} cells to run. */
    public synchronized void sweep(String sweep, int cells) {
        SweepSeries s = sweeps.computeIfAbsent(sweep, k -> new SweepSeries());
        s.cellsPlanned = cells;
        s.cellsDone = 0; // a resumed sweep counts its kept cells again
        while (sweeps.size() > SWEEPS_KEPT) {
            sweeps.remove(sweeps.keySet().iterator().next());
        }
    }

    /**
     * A cell begins: {@code runs} runs (warm-ups included) of {@code items} items each (0 when timed). Observe its runs
     * with the result.
     */
    public synchronized CellSeries cell(RunLabels labels, int runs, long items) {
        SweepSeries s = sweeps.computeIfAbsent(labels.sweep(), k -> new SweepSeries());
        CellSeries c = s.cells.computeIfAbsent(labels.cell(), k -> new CellSeries(labels));
        c.plan(runs, items);
        return c;
    }

    /** A cell of {@code sweep} is over (done, failed or interrupted). */
    public synchronized void cellDone(String sweep) {
        SweepSeries s = sweeps.get(sweep);
        if (s != null) {
            s.cellsDone++;
        }
    }

    @Override
    public synchronized MetricSnapshots collect() {
        List<CellSeries> cells = new ArrayList<>();
        sweeps.values().forEach(s -> cells.addAll(s.cells.values()));
        Families f = new Families();
        for (CellSeries c : cells) {
            Labels cell = cellLabels(c.labels);
            f.gauge("loadgrid_cell_runs_planned", "Runs the cell will make, warm-ups included", cell, c.runsPlanned());
            f.gauge(
                    "loadgrid_cell_runs_done",
                    "Runs of the cell completed so far, warm-ups included",
                    cell,
                    c.runsDone());
            f.gauge(
                    "loadgrid_cell_items_planned",
                    "Items per run of the cell (0 when the run is timed)",
                    cell,
                    c.itemsPlanned());
            c.phases().forEach((phase, p) -> {
                if (phase != Phase.STEADY && !p.observed()) {
                    return; // a cell without warm-ups or a search exports no series of them
                }
                Labels l = cell.add("phase", phase.label());
                f.counter(
                        "loadgrid_cell_wall_seconds",
                        "Wall time of the cell's finished runs of the phase, start to last item",
                        l,
                        p.wallSeconds());
                p.nodes().forEach((address, n) -> node(f, l.add("node", address), n));
            });
        }
        sweeps.forEach((id, s) -> {
            Labels l = Labels.of("sweep", id);
            f.gauge("loadgrid_sweep_cells_planned", "Cells of the sweep", l, s.cellsPlanned);
            f.gauge(
                    "loadgrid_sweep_cells_done",
                    "Cells of the sweep over (done, failed or interrupted)",
                    l,
                    s.cellsDone);
        });
        f.gauge("loadgrid_agents_up", "Agent members in the cluster now", Labels.EMPTY, agentsUp.getAsInt());
        return f.build();
    }

    private static void node(Families f, Labels l, NodeSeries n) {
        for (int i = 0; i < NodeSeries.OUTCOMES.length; i++) {
            f.counter(
                    "loadgrid_requests",
                    "Requests (items) completed, by outcome: ok or the failure class",
                    l.add("outcome", NodeSeries.OUTCOMES[i]),
                    n.requests(i));
        }
        f.counter("loadgrid_upload_bytes", "Bytes sent on the wire: request line, headers and body", l, n.up());
        f.counter("loadgrid_download_bytes", "Bytes received on the wire: status line, headers and body", l, n.down());
        f.counter("loadgrid_written_bytes", "Response body bytes persisted by the file sink", l, n.written());
        f.histogram(
                Families.LATENCY,
                "Latency from intended start to last byte of the response, items that got a response",
                n.latency().point(l));
        f.histogram(
                "loadgrid_schedule_lag_seconds",
                "How late each item was sent against its slot in the schedule (the generator's own delay)",
                n.lag().point(l));
        if (n.inFlight() >= 0) {
            f.gauge("loadgrid_in_flight", "Items begun and not yet done", l, n.inFlight());
        }
        NodeSnapshot live = n.live();
        if (live != null) {
            f.gauge(
                    "loadgrid_agent_cpu_process_percent",
                    "Agent process CPU over the last second, % of one core (can exceed 100)",
                    l,
                    live.cpuProcessPct());
            f.gauge(
                    "loadgrid_agent_cpu_system_percent",
                    "CPU of the agent's host over the last second, % of all its cores",
                    l,
                    live.cpuSystemPct());
            f.gauge(
                    "loadgrid_agent_rss_bytes",
                    "Resident memory of the agent and its worker processes",
                    l,
                    live.rssMb() * 1e6);
            f.gauge(
                    "loadgrid_agent_threads",
                    "Live generator threads of the agent JVM (the cluster member's own excluded)",
                    l,
                    live.threads());
        }
    }

    private static Labels cellLabels(RunLabels r) {
        return Labels.of(
                "sweep",
                r.sweep(),
                "cell",
                r.cell(),
                "model",
                r.model(),
                "concurrency",
                Integer.toString(r.concurrency()));
    }
}
