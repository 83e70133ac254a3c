package io.loadgrid.coordinator.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.coordinator.run.Phase;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a long-lived coordinator keeps: recent sweeps only, progress that a resumed sweep counts afresh, and each
 * phase's traffic apart.
 */
class LoadMetricsTest {
    @Test
    void keepsTheMostRecentSweepsOnly() {
        LoadMetrics m = new LoadMetrics();
        for (int i = 0; i <= LoadMetrics.SWEEPS_KEPT; i++) {
            m.sweep("s" + i, 1);
            m.cell(new RunLabels("s" + i, "c01", "async", 10), 1, 100);
        }
        GaugeSnapshot planned = gauge(m, "loadgrid_sweep_cells_planned");
        assertThat(planned.getDataPoints()).hasSize(LoadMetrics.SWEEPS_KEPT);
        assertThat(planned.getDataPoints())
                .noneMatch(p -> p.getLabels().get("sweep").equals("s0"));
        assertThat(gauge(m, "loadgrid_cell_runs_planned").getDataPoints()).hasSize(LoadMetrics.SWEEPS_KEPT);
    }

    @Test
    void aResumedSweepCountsItsCellsAndRunsAgain() {
        LoadMetrics m = new LoadMetrics();
        m.sweep("s", 2);
        m.cell(new RunLabels("s", "c01", "async", 10), 3, 100);
        m.cellDone("s");
        m.sweep("s", 2); // resumed: the kept cell is counted again by the runner
        m.cellDone("s");
        m.cell(new RunLabels("s", "c01", "async", 10), 3, 100);
        assertThat(gauge(m, "loadgrid_sweep_cells_done")
                        .getDataPoints()
                        .getFirst()
                        .getValue())
                .isEqualTo(1);
        assertThat(gauge(m, "loadgrid_cell_runs_done")
                        .getDataPoints()
                        .getFirst()
                        .getValue())
                .isZero();
    }

    @Test
    void warmUpsAndSearchStepsAreExportedApartFromTheMeasuredRuns() {
        LoadMetrics m = new LoadMetrics();
        m.sweep("s", 2);
        CellSeries plain = m.cell(new RunLabels("s", "c01", "async", 10), 1, 100);
        plain.snapshot("127.0.0.1:1", snapshot(40), Histograms.newLatency());
        CellSeries warmed = m.cell(new RunLabels("s", "c02", "async", 10), 2, 100);
        warmed.in(Phase.WARMUP).snapshot("127.0.0.1:1", snapshot(70), Histograms.newLatency());
        warmed.snapshot("127.0.0.1:1", snapshot(30), Histograms.newLatency());

        Map<String, Double> ok = new TreeMap<>();
        for (CounterDataPointSnapshot p : counter(m, "loadgrid_requests").getDataPoints()) {
            if (p.getLabels().get("outcome").equals("ok")) {
                ok.put(p.getLabels().get("cell") + " " + p.getLabels().get("phase"), p.getValue());
            }
        }
        assertThat(ok).containsExactly(entry("c01 steady", 40.0), entry("c02 steady", 30.0), entry("c02 warmup", 70.0));
        assertThat(counter(m, "loadgrid_cell_wall_seconds").getDataPoints())
                .extracting(p -> p.getLabels().get("cell") + " " + p.getLabels().get("phase"))
                .containsExactlyInAnyOrder("c01 steady", "c02 warmup", "c02 steady");
    }

    private static NodeSnapshot snapshot(long ok) {
        return new NodeSnapshot("a", 1, 0, ok, ok, Map.of(), 0, 0, "", 50, 100, 30, 0, 0, 40, null);
    }

    private static CounterSnapshot counter(LoadMetrics m, String name) {
        for (MetricSnapshot s : m.collect()) {
            if (s.getMetadata().getName().equals(name)) {
                return (CounterSnapshot) s;
            }
        }
        throw new AssertionError(name + " not exported");
    }

    private static GaugeSnapshot gauge(LoadMetrics m, String name) {
        for (MetricSnapshot s : m.collect()) {
            if (s.getMetadata().getName().equals(name)) {
                return (GaugeSnapshot) s;
            }
        }
        throw new AssertionError(name + " not exported");
    }
}
