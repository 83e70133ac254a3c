package io.loadgrid.report.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.Counts;
import io.loadgrid.common.metrics.Latencies;
import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.common.metrics.Rates;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.RunResultBuilder;
import io.loadgrid.common.metrics.Spread;
import io.loadgrid.common.metrics.WireBytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a cell's numbers measure the generator, and when they do not. */
class SaturationCheckTest {
    private static final LatencySummary LAT = new LatencySummary(1000, 2000, 3000, 4000, 5000, 1200, 100);
    /** Sends on time: a few µs behind the schedule. */
    private static final LatencySummary ON_TIME = new LatencySummary(5, 8, 20, 40, 60, 6, 100);

    private static LatencySummary lag = ON_TIME;

    @org.junit.jupiter.api.AfterEach
    void onTimeAgain() {
        lag = ON_TIME;
    }

    @Test
    void sendsKeptLateAgainstTheScheduleAreFlaggedButNotAFewMicroseconds() {
        assertThat(SaturationCheck.of(List.of(run("async", 30, 30, 1000.0, null)), false)
                        .saturated())
                .isFalse();
        lag = new LatencySummary(500, 1500, 2500, 3000, 3100, 700, 100);
        assertThat(SaturationCheck.of(List.of(run("async", 30, 30, 1000.0, null)), false)
                        .summary())
                .isEqualTo("sends were late: p99 schedule lag 2.50 ms against a p99 response time of 3.00 ms");
        // 1.5 ms behind 100 ms responses is under 5% of them; in a closed loop there is no schedule to keep
        lag = new LatencySummary(500, 1000, 1500, 1600, 1700, 600, 100);
        assertThat(SaturationCheck.reasons(
                        resultWith(new LatencySummary(90_000, 95_000, 100_000, 110_000, 120_000, 95_000, 100), 1000.0),
                        false))
                .isEmpty();
        assertThat(SaturationCheck.reasons(resultWith(LAT, null), false)).isEmpty();
    }

    private static RunResult resultWith(LatencySummary uncorrected, Double rate) {
        return result("async", 30, 30, rate, null, null, null)
                .withLatency(new Latencies(uncorrected, uncorrected, lag, null, null, null));
    }

    @Test
    void anAgentUsingNearlyAllItsCoresIsFlagged() {
        RunResult r = run("threads", 175, 40, null, null);
        assertThat(SaturationCheck.of(List.of(r), false).reasons()).containsExactly("agent a1 CPU at 175% of 2 cores");
        assertThat(SaturationCheck.of(List.of(run("threads", 120, 40, null, null)), false)
                        .saturated())
                .isFalse();
    }

    @Test
    void aBusiestThreadWithNoTimeLeftIsFlaggedThoughTheProcessUsesOneCoreOfTwo() {
        assertThat(SaturationCheck.of(List.of(run("async", 100, 50, null, null, 96.0)), false)
                        .summary())
                .isEqualTo("agent a1's busiest thread at 96% of a core");
        // JIT and GC after a fresh start push the process total up, not the busiest thread
        assertThat(SaturationCheck.of(List.of(run("async", 110, 50, null, null, 60.0)), false)
                        .saturated())
                .isFalse();
    }

    @Test
    void aBusyHostCountsOnlyWhereTargetAndAgentsShareIt() {
        RunResult r = run("threads", 100, 97, null, null);
        assertThat(SaturationCheck.of(List.of(r), true).summary()).startsWith("host CPU 97% busy");
        assertThat(SaturationCheck.of(List.of(r), false).saturated()).isFalse();
    }

    @Test
    void aRateTheAgentsCouldNotKeepIsFlagged() {
        assertThat(SaturationCheck.of(List.of(run("async", 30, 30, 2000.0, null)), false)
                        .summary())
                .isEqualTo("kept 1000 of the 2000 items/s asked");
        assertThat(SaturationCheck.of(List.of(run("async", 30, 30, 1050.0, null)), false)
                        .saturated())
                .isFalse();
    }

    @Test
    void cpuWorkloadsAreNeverFlaggedAndRepeatedReasonsAreGivenOnce() {
        assertThat(SaturationCheck.of(List.of(run("threads", 199, 100, null, BigInteger.TEN)), true)
                        .saturated())
                .isFalse();
        Saturation twice = SaturationCheck.of(
                List.of(run("threads", 180, 40, null, null), run("threads", 190, 40, null, null)), false);
        assertThat(twice.reasons()).containsExactly("agent a1 CPU at 180% of 2 cores");
    }

    /** A one-node run of 1000 items in 1 s with the given process and system CPU. */
    private static RunResult run(String model, double procPct, double sysPct, Double rate, BigInteger result) {
        return run(model, procPct, sysPct, rate, result, null);
    }

    private static RunResult run(
            String model, double procPct, double sysPct, Double rate, BigInteger result, Double busiest) {
        RunResult node = result(model, procPct, sysPct, rate, result, busiest, null);
        return result(
                model,
                procPct,
                sysPct,
                rate,
                result,
                busiest,
                List.of(new Spread.NodeResult("a1", "127.0.0.1:5702", "h", false, 1, 0, null, node)));
    }

    private static RunResult result(
            String model,
            double procPct,
            double sysPct,
            Double rate,
            BigInteger result,
            Double busiest,
            List<Spread.NodeResult> nodes) {
        return RunResultBuilder.builder()
                .schema(RunResult.SCHEMA)
                .model(model)
                .concurrency(10)
                .workload("seed")
                .target("http://127.0.0.1:1")
                .parameters(new RunResult.Parameters(rate, null, null, null, Map.of(), 30_000, "discard", true))
                .counts(new Counts(1000, 1000, 0, Map.of(), result))
                .rates(new Rates(1.0, 1000, 1000, 0, 0))
                .bytes(new WireBytes(0, 0, 0))
                .latency(new Latencies(LAT, LAT, lag, null, null, null))
                .resources(new Resources(
                        new AvgMax(procPct, procPct),
                        new AvgMax(sysPct, sysPct),
                        new AvgMax(300, 300),
                        20,
                        2,
                        1,
                        busiest))
                .spread(new Spread(null, nodes))
                .build();
    }
}
