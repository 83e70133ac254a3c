package io.loadgrid.coordinator.export;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.Results;
import io.loadgrid.common.metrics.Spread;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.plan.ModelConfig;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.Workload;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * bench/metrics-scrape.sh: what a long-lived coordinator's /metrics costs at its retention cap (20 sweeps), with
 * every cell finished and one run live: heap held, and time and size of a text and a protobuf scrape.
 */
public final class ScrapeBench {
    public static void main(String[] args) throws Exception {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 12;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        RunSpec spec = new RunSpec(
                new ModelConfig.Async(),
                100,
                new Workload.Http("seed", new SeedStream("http://127.0.0.1:1"), true),
                10_000,
                null,
                null,
                null,
                0,
                Duration.ofSeconds(5),
                null,
                true);
        Random random = new Random(1);
        long heapBefore = usedHeap();
        LoadMetrics metrics = new LoadMetrics();
        for (int s = 0; s < LoadMetrics.SWEEPS_KEPT; s++) {
            metrics.sweep("sweep-" + s, cells);
            for (int c = 0; c < cells; c++) {
                CellSeries cell = metrics.cell(new RunLabels("sweep-" + s, "c" + c, "async", 100), 3, 10_000);
                for (int run = 0; run < 3; run++) {
                    List<Spread.NodeResult> rows = new java.util.ArrayList<>();
                    for (int n = 0; n < nodes; n++) {
                        Histogram h = Histograms.newLatency();
                        for (int i = 0; i < 10_000; i++) {
                            h.recordValue(1_000 + (long) (random.nextExponential() * 20_000));
                        }
                        String address = "10.0.0." + (11 + n) + ":5701";
                        cell.snapshot(
                                address,
                                new NodeSnapshot(
                                        address, 1, 0, 5_000, 5_000, Map.of(), 1, 1, "", 50, 100, 30, 0, 100, 40, null),
                                h);
                        Tally t = new Tally(
                                10_000,
                                new EnumMap<>(FailureKind.class),
                                1_000_000,
                                3_000_000,
                                0,
                                0,
                                0,
                                h,
                                h.copy(),
                                h.copy());
                        rows.add(new Spread.NodeResult(
                                address,
                                address,
                                "h",
                                false,
                                10,
                                0,
                                null,
                                Results.of(
                                        spec,
                                        t,
                                        1_000_000_000L,
                                        new Resources(
                                                new AvgMax(1, 1), new AvgMax(1, 1), new AvgMax(1, 1), 1, 2, 1, null),
                                        "http://127.0.0.1:1",
                                        null,
                                        false)));
                    }
                    if (s == LoadMetrics.SWEEPS_KEPT - 1 && c == cells - 1 && run == 2) {
                        break; // the last run stays live: its histograms are held, as during a real run
                    }
                    cell.finished(rows.getFirst().result().withSpread(new Spread(null, rows)));
                }
            }
        }
        long heapAfter = usedHeap();
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(metrics);
        ExpositionFormats formats = ExpositionFormats.init();
        for (var writer : List.of(formats.getPrometheusTextFormatWriter(), formats.getPrometheusProtobufWriter())) {
            int size = 0;
            for (int i = 0; i < 20; i++) { // warm-up
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                writer.write(out, registry.scrape());
                size = out.size();
            }
            long[] ms = new long[15];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                writer.write(new ByteArrayOutputStream(), registry.scrape());
                ms[i] = (System.nanoTime() - t0) / 1_000;
            }
            java.util.Arrays.sort(ms);
            System.out.printf(
                    "%s: %,d bytes, median %.1f ms per scrape (min %.1f, max %.1f)%n",
                    writer.getClass().getSimpleName(),
                    size,
                    ms[ms.length / 2] / 1e3,
                    ms[0] / 1e3,
                    ms[ms.length - 1] / 1e3);
        }
        System.out.printf(
                "%d sweeps x %d cells x %d agents, one run live: %.1f MB of heap held by the export%n",
                LoadMetrics.SWEEPS_KEPT, cells, nodes, (heapAfter - heapBefore) / 1e6);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }
}
