package io.loadgrid.coordinator.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
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
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * One agent's exported series across runs: counters never go down, a run's last interval and a failed run's counts
 * stay.
 */
class NodeSeriesTest {
    private static final int OK = 0;
    private static final RunSpec SPEC = new RunSpec(
            new ModelConfig.Async(),
            10,
            new Workload.Http("seed", new SeedStream("http://127.0.0.1:1"), true),
            1000,
            null,
            null,
            null,
            0,
            Duration.ofSeconds(5),
            null,
            true);

    @Test
    void theFinalResultAddsTheIntervalNoSnapshotCarried() {
        NodeSeries n = new NodeSeries();
        n.snapshot(snapshot(1, 700, 7_000), latencies(700, 2_000));
        assertThat(n.requests(OK)).isEqualTo(700);
        assertThat(n.latency().count()).isEqualTo(700);
        assertThat(n.inFlight()).isEqualTo(10);
        n.finish(result(1000, 10_000, latencies(1000, 2_000)));
        assertThat(n.requests(OK)).isEqualTo(1000);
        assertThat(n.down()).isEqualTo(10_000);
        assertThat(n.latency().count()).isEqualTo(1000);
        assertThat(n.inFlight()).isZero();
        assertThat(n.live()).isNull();
    }

    @Test
    void theScheduleLagIsExportedLiveAndEndsAsTheRunsExactHistogram() {
        NodeSeries n = new NodeSeries();
        NodeSnapshot s = snapshot(1, 700, 7_000);
        n.snapshot(
                new NodeSnapshot(
                        s.node(),
                        s.seq(),
                        s.clusterMs(),
                        s.done(),
                        s.ok(),
                        s.failures(),
                        s.bytesUp(),
                        s.bytesDown(),
                        s.intervalLatency(),
                        s.cpuProcessPct(),
                        s.rssMb(),
                        s.threads(),
                        s.bytesWritten(),
                        s.inFlight(),
                        s.cpuSystemPct(),
                        Histograms.encode(latencies(700, 30))),
                latencies(700, 2_000));
        assertThat(n.lag().count()).isEqualTo(700);
        n.finish(result(1000, 10_000, latencies(1000, 2_000), latencies(1000, 30)));
        assertThat(n.lag().count()).isEqualTo(1000);
        assertThat(n.lag().sum()).isCloseTo(1000 * 30e-6, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void aSecondRunAddsToTheFirstAndItsSnapshotsCountFromTheStart() {
        NodeSeries n = new NodeSeries();
        n.snapshot(snapshot(5, 900, 9_000), latencies(900, 1_000));
        n.finish(result(1000, 10_000, latencies(1000, 1_000)));
        // the next run's snapshots start again at seq 1 and count from 0: added on top, never replacing the total
        n.snapshot(snapshot(1, 300, 3_000), latencies(300, 1_000));
        assertThat(n.requests(OK)).isEqualTo(1300);
        assertThat(n.down()).isEqualTo(13_000);
        n.finish(result(500, 5_000, latencies(500, 1_000)));
        assertThat(n.requests(OK)).isEqualTo(1500);
        assertThat(n.latency().count()).isEqualTo(1500);
    }

    @Test
    void aFailedRunKeepsWhatItsSnapshotsCountedAndTheNextRunStartsClean() {
        NodeSeries n = new NodeSeries();
        n.snapshot(snapshot(7, 400, 4_000), latencies(400, 1_000));
        n.abort();
        assertThat(n.requests(OK)).isEqualTo(400);
        assertThat(n.latency().count()).isEqualTo(400);
        assertThat(n.live()).isNull();
        n.snapshot(snapshot(1, 100, 1_000), latencies(100, 1_000));
        assertThat(n.requests(OK)).isEqualTo(500);
        assertThat(n.down()).isEqualTo(5_000);
    }

    @Test
    void aFinalResultBelowWhatWasSeenLiveDoesNotLowerACounter() {
        NodeSeries n = new NodeSeries();
        // a node whose chunks were discarded as duplicates commits fewer items than it sent
        n.snapshot(snapshot(3, 800, 8_000), latencies(800, 3_000));
        n.finish(result(600, 8_000, latencies(600, 3_000)));
        assertThat(n.requests(OK)).isEqualTo(800);
        assertThat(n.latency().count()).isEqualTo(800);
    }

    @Test
    void failuresCountUnderTheirOwnOutcome() {
        NodeSeries n = new NodeSeries();
        var f = new EnumMap<FailureKind, Long>(FailureKind.class);
        f.put(FailureKind.TIMEOUT, 3L);
        n.snapshot(new NodeSnapshot("a", 1, 0, 13, 10, f, 0, 0, "", 0, 0, 0, 0, 0, 0, null), latencies(10, 1_000));
        int timeout = java.util.Arrays.asList(NodeSeries.OUTCOMES).indexOf("timeout");
        assertThat(n.requests(timeout)).isEqualTo(3);
        assertThat(n.requests(OK)).isEqualTo(10);
    }

    private static NodeSnapshot snapshot(long seq, long ok, long down) {
        return new NodeSnapshot("a", seq, 0, ok, ok, Map.of(), down / 10, down, "", 50, 100, 30, 0, 10, 40, null);
    }

    private static Histogram latencies(int count, long us) {
        Histogram h = Histograms.newLatency();
        h.recordValueWithCount(us, count);
        return h;
    }

    private static RunResult result(long ok, long down, Histogram latency) {
        return result(ok, down, latency, latency.copy());
    }

    private static RunResult result(long ok, long down, Histogram latency, Histogram lag) {
        Tally t =
                new Tally(ok, new EnumMap<>(FailureKind.class), down / 10, down, 0, 0, 0, latency, latency.copy(), lag);
        Resources res = new Resources(new AvgMax(1, 1), new AvgMax(1, 1), new AvgMax(1, 1), 1, 2, 1, null);
        return Results.of(SPEC, t, 1_000_000_000L, res, "http://127.0.0.1:1", null, false);
    }
}
