package io.loadgrid.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.Results;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** A cell keeps all three histograms of its runs merged, and its rates mean what README says they mean. */
class CellSummaryTest {
    static final RunSpec SPEC = new RunSpec(
            new ModelConfig.Async(),
            10,
            new Workload.Http("seed", new SeedStream("http://127.0.0.1:1"), true),
            1000,
            null,
            500.0,
            null,
            0,
            Duration.ofSeconds(5),
            null,
            true);
    static final Resources RES = new Resources(new AvgMax(1, 1), new AvgMax(1, 1), new AvgMax(1, 1), 1, 2, 1, null);

    static Histogram at(long us, long count) {
        Histogram h = Histograms.newLatency();
        h.recordValueWithCount(us, count);
        return h;
    }

    static RunResult run(long ok, Map<FailureKind, Long> failures, long latencyUs, long uncorrectedUs, long lagUs) {
        long items = ok + failures.values().stream().mapToLong(Long::longValue).sum();
        Tally t = new Tally(ok, failures, 0, 0, 0, 0, 0, at(latencyUs, ok), at(uncorrectedUs, ok), at(lagUs, items));
        return Results.of(SPEC, t, 2_000_000_000L, RES, "http://127.0.0.1:1", null, false);
    }

    @Test
    void theUncorrectedLatencyAndTheScheduleLagAreMergedAcrossRunsLikeTheLatency() {
        RunResult fast = run(900, Map.of(), 2_000, 1_000, 10);
        RunResult slow = run(100, Map.of(), 90_000, 50_000, 40_000);
        CellResult c = CellSummary.of(
                new Cell("c01", "async", Map.of("model", "async", "rate", 500.0), "g"),
                "done",
                null,
                List.of(fast, slow),
                false);
        assertThat(c.latencyUs().count()).isEqualTo(1000);
        assertThat(c.latencyUncorrectedUs().count()).isEqualTo(1000);
        assertThat(c.scheduleLagUs().count()).isEqualTo(1000);
        // the p99 of the merged items lies in the slow run's tenth, which no run's own p99 averaged would say
        assertThat(c.latencyUncorrectedUs().p99()).isBetween(49_900L, 50_100L);
        assertThat(c.scheduleLagUs().p50()).isBetween(9L, 11L);
        assertThat(c.scheduleLagUs().p99()).isBetween(39_900L, 40_100L);
    }

    @Test
    void throughputCountsResponsesAndTheItemRateCountsEveryItem() {
        var failures = new EnumMap<FailureKind, Long>(FailureKind.class);
        failures.put(FailureKind.HTTP_5XX, 100L);
        failures.put(FailureKind.CONNECT, 300L);
        RunResult r = run(600, failures, 1_000, 1_000, 10);
        // 2 s: 600 ok and 100 answered with a 503 got responses; the 300 refused did not
        assertThat(r.rates().reqPerS()).isEqualTo(350.0);
        assertThat(r.rates().itemsPerS()).isEqualTo(500.0);
        assertThat(r.latency().scheduleLagUs().count()).isEqualTo(1000);
    }

    private record Cell(String id, String name, Map<String, Object> params, String group) implements CellIdentity {}
}
