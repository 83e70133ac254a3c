package io.loadgrid.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.Second;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The run second by second, from two agents' cumulative snapshots placed by cluster time. */
class TimelineTest {
    private static final long START = 1_000_000;

    @Test
    void agentsSnapshotsAreMergedPerSecondOfClusterTime() {
        Timeline t = new Timeline();
        t.snapshot("a", snapshot(1, START - 200, 100, 2, 5, 30), latencies(100, 2_000)); // before the start: ignored
        t.started(START);
        t.snapshot("a", snapshot(1, START + 1_000, 100, 2, 5, 30), latencies(100, 2_000));
        t.snapshot("b", snapshot(1, START + 980, 49, 0, 3, 20), latencies(49, 8_000));
        t.snapshot("a", snapshot(2, START + 2_000, 300, 2, 4, 35), latencies(200, 3_000));
        t.snapshot("a", snapshot(2, START + 2_000, 300, 2, 4, 35), latencies(200, 3_000)); // twice: nothing more
        t.snapshot("b", snapshot(2, START + 1_960, 147, 1, 0, 25), latencies(98, 1_000));
        List<Second> s = t.seconds();
        assertThat(s).extracting(Second::t).containsExactly(1, 2);
        // b's 49 items in 980 ms are 50 a second
        assertThat(s.get(0).itemsPerS()).isEqualTo(100 + 50);
        assertThat(s.get(0).failed()).isEqualTo(2);
        assertThat(s.get(0).inFlight()).isEqualTo(8);
        assertThat(s.get(0).cpuProcessPct()).isEqualTo(50);
        // a third of the first second's items took 8 ms: its p99 is theirs, merged, not an average of the agents'
        assertThat(s.get(0).p99Us()).isBetween(7_990L, 8_010L);
        assertThat(s.get(1).itemsPerS()).isEqualTo(200 + 100);
        assertThat(s.get(1).failed()).isEqualTo(1);
        assertThat(s.get(1).inFlight()).isEqualTo(4);
        assertThat(s.get(1).p99Us()).isBetween(2_990L, 3_010L);
    }

    @Test
    void aSnapshotCoveringPartOfASecondGivesItsRateNotItsCount() {
        Timeline t = new Timeline();
        t.started(START);
        // an agent whose first snapshot came 600 ms in, then every second: 1,000 items/s throughout
        t.snapshot("a", snapshot(1, START + 600, 600, 0, 10, 50), latencies(600, 1_000));
        t.snapshot("a", snapshot(2, START + 1_600, 1_600, 0, 10, 50), latencies(1_000, 1_000));
        t.snapshot("a", snapshot(3, START + 2_600, 2_600, 0, 10, 50), latencies(1_000, 1_000));
        assertThat(t.seconds()).extracting(Second::t).containsExactly(1, 2, 3);
        assertThat(t.seconds()).extracting(Second::itemsPerS).containsExactly(1_000L, 1_000L, 1_000L);
    }

    @Test
    void twoSnapshotsOfOneAgentInOneSecondCountItsCpuOnceAndItsRateOverBoth() {
        Timeline t = new Timeline();
        t.started(START);
        t.snapshot("a", snapshot(1, START + 1_100, 1_100, 0, 10, 80), latencies(1_100, 1_000));
        // the run ended 1.3 s in: its last snapshot falls in the same second
        t.snapshot("a", snapshot(2, START + 1_300, 1_300, 0, 0, 40), latencies(200, 1_000));
        assertThat(t.seconds()).singleElement().satisfies(s -> {
            assertThat(s.itemsPerS()).isEqualTo(1_000);
            // 80% over 1.1 s and 40% over 0.2 s
            assertThat(s.cpuProcessPct()).isCloseTo((80 * 1.1 + 40 * 0.2) / 1.3, within(1e-9));
        });
    }

    @Test
    void inFlightIsUnknownWhenAnAgentsWorkersRunTheItems() {
        Timeline t = new Timeline();
        t.started(START);
        t.snapshot("a", snapshot(1, START + 1_000, 10, 0, 3, 10), latencies(10, 1_000));
        t.snapshot("b", snapshot(1, START + 1_000, 10, 0, -1, 10), Histograms.newLatency());
        assertThat(t.seconds()).singleElement().satisfies(s -> {
            assertThat(s.inFlight()).isEqualTo(-1);
            assertThat(s.itemsPerS()).isEqualTo(20);
        });
    }

    private static NodeSnapshot snapshot(long seq, long clusterMs, long done, long failed, long inFlight, double cpu) {
        return new NodeSnapshot(
                "n",
                seq,
                clusterMs,
                done,
                done - failed,
                failed == 0 ? Map.of() : Map.of(FailureKind.TIMEOUT, failed),
                0,
                0,
                "",
                cpu,
                100,
                10,
                0,
                inFlight,
                10,
                null);
    }

    private static Histogram latencies(int count, long us) {
        Histogram h = Histograms.newLatency();
        h.recordValueWithCount(us, count);
        return h;
    }
}
