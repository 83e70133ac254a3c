package io.loadgrid.coordinator.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.junit.jupiter.api.Test;

/** What a long-lived coordinator keeps: recent sweeps only, and progress that a resumed sweep counts afresh. */
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

    private static GaugeSnapshot gauge(LoadMetrics m, String name) {
        for (MetricSnapshot s : m.collect()) {
            if (s.getMetadata().getName().equals(name)) {
                return (GaugeSnapshot) s;
            }
        }
        throw new AssertionError(name + " not exported");
    }
}
