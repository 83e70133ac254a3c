package io.loadgrid.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.slo.Objectives;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The live judge of --abort-on-fail, fed snapshots at chosen cluster times: nothing sleeps. */
class ObjectiveGuardTest {
    private static final long START = 1_000_000;

    /** A snapshot {@code ms} into the run; its sequence number grows with time, as an agent's does. */
    private static NodeSnapshot at(String node, long ms, long ok, long timeouts) {
        return new NodeSnapshot(
                node,
                ms,
                START + ms,
                ok + timeouts,
                ok,
                Map.of(FailureKind.TIMEOUT, timeouts),
                0,
                0,
                null,
                0,
                0,
                0,
                0,
                0,
                0,
                null);
    }

    private static Histogram latencies(long us, int count) {
        Histogram h = Histograms.newLatency();
        h.recordValueWithCount(us, count);
        return h;
    }

    private static ObjectiveGuard guard(String... slo) {
        ObjectiveGuard g =
                new ObjectiveGuard(Objectives.parse(List.of(slo), "--slo").abortingAfter(Duration.ofSeconds(2)));
        g.started(START);
        return g;
    }

    @Test
    void anObjectiveMissedOnTheMergedLiveFiguresStopsTheRunOnlyAfterTheGrace() {
        ObjectiveGuard g = guard("p99<5ms", "errors<50%");
        // two agents: one fast, one slow; the slow one's 20 ms latencies are 2% of all, so the merged p99 misses 5 ms
        g.snapshot("a", at("a", 1_000, 980, 0), latencies(1_000, 980));
        g.snapshot("b", at("b", 1_000, 20, 0), latencies(20_000, 20));
        assertThat(g.lost()).as("within the grace").isEmpty();
        g.snapshot("a", at("a", 2_000, 980, 0), null);
        assertThat(g.lost())
                .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("objective p99<5ms lost 2.0 s into the run (p99 20")
                .contains("needs < 5 ms");
    }

    @Test
    void oneAgentsShareAloneDecidesNothing() {
        ObjectiveGuard g = guard("p99<5ms");
        // the slow agent alone would miss; merged with the fast one's 10,000 answers, the p99 is 1 ms
        g.snapshot("a", at("a", 3_000, 10_000, 0), latencies(1_000, 10_000));
        g.snapshot("b", at("b", 3_000, 50, 0), latencies(20_000, 50));
        assertThat(g.lost()).isEmpty();
    }

    @Test
    void errorsCountFromEachAgentsLatestCumulativeCounts() {
        ObjectiveGuard g = guard("errors<10%");
        g.snapshot("a", at("a", 2_500, 100, 5), latencies(1_000, 105));
        g.snapshot("a", at("a", 3_000, 200, 10), latencies(1_000, 105));
        assertThat(g.lost()).isEmpty(); // 10 of 210: 4.8%
        g.snapshot("b", at("b", 3_000, 0, 40), null);
        assertThat(g.lost())
                .get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .contains("errors 20%"); // 50 of 250
    }

    @Test
    void anOlderSnapshotArrivingLateChangesNothing() {
        ObjectiveGuard g = guard("errors<10%");
        g.snapshot("a", at("a", 3_000, 100, 0), latencies(1_000, 100));
        g.snapshot("a", at("a", 2_500, 10, 90), null); // seq 2,500 after seq 3,000: stale
        assertThat(g.lost()).isEmpty();
    }

    @Test
    void whatCannotBeMeasuredYetIsNotLostAndAnUnarmedGuardNeverStops() {
        ObjectiveGuard g = guard("p99<5ms");
        g.snapshot("a", at("a", 5_000, 0, 0), null);
        assertThat(g.lost()).isEmpty();
        ObjectiveGuard off = new ObjectiveGuard(Objectives.parse(List.of("p99<5ms"), "--slo"));
        off.started(START);
        off.snapshot("a", at("a", 5_000, 100, 0), latencies(50_000, 100));
        assertThat(off.armed()).isFalse();
        assertThat(off.lost()).isEmpty();
    }
}
