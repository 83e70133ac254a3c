package io.loadgrid.report.compare;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Saturation;
import io.loadgrid.report.results.Stat;
import io.loadgrid.report.results.SweepResults;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The sweep diff on its own: which cells are compared, and what counts as a regression rather than noise. */
class SweepDiffTest {

    private static CellResult cell(
            String id, Map<String, Object> params, List<Double> wall, long p99Us, double failed) {
        Histogram h = Histograms.newLatency();
        h.recordValueWithCount(1_000, 98);
        h.recordValueWithCount(p99Us, 2);
        Map<String, Stat> totals =
                Map.of("wall_s", Stat.of(wall), "items", Stat.of(List.of(1000.0)), "failed", Stat.of(List.of(failed)));
        LatencySummary l = LatencySummary.of(h);
        return new CellResult(
                id, id, "g", params, "done", null, List.of(), totals, l, l, l, Saturation.NONE, null, null);
    }

    private static SweepResults sweep(CellResult... cells) {
        return new SweepResults(SweepResults.SCHEMA, "s", null, null, List.of(cells));
    }

    private static Change figure(SweepDiff.Result r, String figure) {
        return r.changes().stream()
                .filter(c -> c.figure().equals(figure))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSlowdownBeyondThresholdAndNoiseIsARegressionAndOneInsideTheNoiseIsNot() {
        Map<String, Object> p = Map.of("model", "async", "concurrency", 100);
        CellResult a = cell("c01", p, List.of(10.0, 10.1, 9.9), 5_000, 0);
        SweepDiff.Result slower = SweepDiff.of(sweep(a), sweep(cell("c01", p, List.of(12.0, 12.1, 11.9), 5_000, 0)), 5);
        assertThat(figure(slower, "Execution Time").regression()).isTrue();
        assertThat(slower.regressed()).isTrue();
        // 20% slower on average, but the runs spread so wide that the difference is inside two standard errors
        SweepDiff.Result noisy = SweepDiff.of(sweep(a), sweep(cell("c01", p, List.of(2.0, 12.0, 22.0), 5_000, 0)), 5);
        assertThat(figure(noisy, "Execution Time").regression()).isFalse();
        SweepDiff.Result faster = SweepDiff.of(sweep(a), sweep(cell("c01", p, List.of(8.0, 8.1, 7.9), 5_000, 0)), 5);
        assertThat(faster.regressed()).isFalse();
    }

    @Test
    void aWorseTailOrMoreFailuresRegressWhateverTheTime() {
        Map<String, Object> p = Map.of("model", "threads", "concurrency", 10);
        CellResult a = cell("c01", p, List.of(10.0, 10.0), 5_000, 0);
        SweepDiff.Result tail = SweepDiff.of(sweep(a), sweep(cell("c01", p, List.of(10.0, 10.0), 9_000, 0)), 10);
        assertThat(figure(tail, "p99 latency").regression()).isTrue();
        assertThat(figure(tail, "Execution Time").regression()).isFalse();
        // 2 failed of 1000 is 0.2 points: under the one-point floor; 20 of 1000 is above it
        assertThat(SweepDiff.of(sweep(a), sweep(cell("c01", p, List.of(10.0, 10.0), 5_000, 2)), 10)
                        .regressed())
                .isFalse();
        assertThat(figure(
                                SweepDiff.of(sweep(a), sweep(cell("c01", p, List.of(10.0, 10.0), 5_000, 20)), 10),
                                "failure rate")
                        .regression())
                .isTrue();
    }

    @Test
    void cellsMatchByTheirParametersNotTheirPlaceAndALostCellIsARegression() {
        Map<String, Object> p1 = Map.of("model", "async", "concurrency", 100);
        Map<String, Object> p2 = Map.of("model", "sync");
        SweepResults a = sweep(cell("c01", p1, List.of(10.0), 1_000, 0), cell("c02", p2, List.of(20.0), 1_000, 0));
        // B runs the same cells in the other order and under other ids: they are still compared with their own
        SweepResults reordered =
                sweep(cell("c07", p2, List.of(20.0), 1_000, 0), cell("c08", p1, List.of(10.0), 1_000, 0));
        SweepDiff.Result same = SweepDiff.of(a, reordered, 5);
        assertThat(same.regressed()).isFalse();
        assertThat(same.changes())
                .filteredOn(c -> c.figure().equals("Execution Time"))
                .extracting(Change::a, Change::b)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(10.0, 10.0),
                        org.assertj.core.groups.Tuple.tuple(20.0, 20.0));
        SweepDiff.Result lost = SweepDiff.of(a, sweep(cell("c01", p1, List.of(10.0), 1_000, 0)), 5);
        assertThat(lost.regressed()).isTrue();
        assertThat(lost.changes()).anySatisfy(c -> assertThat(c.figure()).startsWith("completed"));
    }
}
