package io.loadgrid.coordinator.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.ChunkResult;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.common.metrics.NodeReport;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.ChunkLayout;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.plan.Split;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** Merging per-chunk results through their wire encoding gives exactly what one histogram of all samples gives. */
class MergeTest {
    static final RunSpec SPEC = new RunSpec(
            new ModelConfig.Async(),
            10,
            new Workload.Http("seed", new SeedStream("http://127.0.0.1:1"), true),
            20_000,
            null,
            null,
            null,
            0,
            Duration.ofSeconds(5),
            null,
            true);

    @Test
    void mergedPercentilesEqualThoseOfOneHistogramHoldingAllSamples() {
        ClusterPlan plan = new ClusterPlan(
                SPEC, new ChunkLayout(1000, 1, 20_000), Split.DYNAMIC, List.of("node-a-uuid", "node-b-uuid"), "coord");
        Random random = new Random(42);
        Histogram all = Histograms.newLatency();
        List<ChunkResult> chunks = new ArrayList<>();
        for (long c = 0; c < 20; c++) {
            Histogram h = Histograms.newLatency();
            for (int i = 0; i < 1000; i++) {
                // two very different nodes: averaging their percentiles would be visibly wrong
                long v = c % 2 == 0 ? 200 + random.nextInt(800) : 5_000 + (long) (random.nextExponential() * 40_000);
                h.recordValue(v);
                all.recordValue(v);
            }
            var failures = new EnumMap<FailureKind, Long>(FailureKind.class);
            Tally t = new Tally(1000, failures, 0, 0, 0, 0, 0, h, h.copy(), h.copy());
            chunks.add(new ChunkResult(c, c % 2 == 0 ? "node-a-uuid" : "node-b-uuid", t.encode()));
        }
        Resources res = new Resources(new AvgMax(50, 60), new AvgMax(70, 80), new AvgMax(100, 120), 20, 2, 5, 40.0);
        List<Merge.Node> nodes = List.of(
                new Merge.Node(
                        "node-a-uuid",
                        "10.0.0.1:5701",
                        "a",
                        2,
                        new NodeReport("node-a-uuid", "", "a", 2_000_000_000L, 10, 20, res, 0, null),
                        null,
                        false),
                new Merge.Node(
                        "node-b-uuid",
                        "10.0.0.2:5701",
                        "b",
                        2,
                        new NodeReport("node-b-uuid", "", "b", 4_000_000_000L, 30, 40, res, 0, null),
                        null,
                        false));
        RunResult r = Merge.of(plan, nodes, chunks, Map.of(), 0, "http://127.0.0.1:1", null, false);
        assertThat(r.latency().latencyUs()).isEqualTo(LatencySummary.of(all));
        assertThat(r.counts().items()).isEqualTo(20_000);
        assertThat(r.bytes().bytesUp()).isEqualTo(40);
        assertThat(r.bytes().bytesDown()).isEqualTo(60);
        assertThat(r.rates().wallS()).isEqualTo(4.0);
        assertThat(r.spread().cluster().missingItems()).isZero();
        assertThat(r.spread().nodes())
                .extracting(n -> n.result().counts().items())
                .containsExactly(10_000L, 10_000L);
        // the per-node percentiles differ widely; the total is not their average
        long avgOfP99 =
                (r.spread().nodes().get(0).result().latency().latencyUs().p99()
                                + r.spread()
                                        .nodes()
                                        .get(1)
                                        .result()
                                        .latency()
                                        .latencyUs()
                                        .p99())
                        / 2;
        assertThat(r.latency().latencyUs().p99()).isNotEqualTo(avgOfP99);
        assertThat(r.resources().cpuProcessPct()).isEqualTo(new AvgMax(100, 120));
        assertThat(r.resources().cores()).isEqualTo(4);
    }

    @Test
    void aLostNodeKeepsItsCommittedChunksAndReRunChunksAreCountedOnce() {
        ClusterPlan plan =
                new ClusterPlan(SPEC, new ChunkLayout(1000, 1, 3000), Split.DYNAMIC, List.of("a", "b"), "coord");
        Histogram h = Histograms.newLatency();
        h.recordValue(100);
        Tally one = new Tally(1000, new EnumMap<>(FailureKind.class), 0, 0, 0, 0, 0, h, h, h);
        List<ChunkResult> chunks = List.of(
                new ChunkResult(0, "a", one.encode()),
                new ChunkResult(1, "b", one.encode()),
                new ChunkResult(2, "b", one.encode()));
        Resources res = new Resources(new AvgMax(1, 1), new AvgMax(1, 1), new AvgMax(1, 1), 1, 2, 1, null);
        var snapshot = new io.loadgrid.common.metrics.NodeSnapshot(
                "a", 3, 1500, 1400, 1400, Map.of(), 111, 222, "", 90, 200, 30, 0, 0, 0, null);
        List<Merge.Node> nodes = List.of(
                new Merge.Node("a", "x", "h", 2, null, snapshot, true),
                new Merge.Node(
                        "b",
                        "y",
                        "h",
                        2,
                        new NodeReport("b", "y", "h", 3_000_000_000L, 5, 6, res, 0, null),
                        null,
                        false));
        RunResult r = Merge.of(plan, nodes, chunks, Map.of(2L, "a"), 1000, "t", null, false);
        assertThat(r.counts().items()).isEqualTo(3000);
        assertThat(r.spread().cluster().lostNodes()).containsExactly("a");
        assertThat(r.spread().cluster().chunksReleased()).isEqualTo(1);
        assertThat(r.spread().cluster().chunksRerun()).isEqualTo(1);
        assertThat(r.spread().nodes().get(0).result().counts().items()).isEqualTo(1000);
        assertThat(r.spread().nodes().get(0).result().bytes().bytesDown()).isEqualTo(222);
        assertThat(r.spread().nodes().get(0).result().rates().wallS()).isEqualTo(0.5);
    }
}
