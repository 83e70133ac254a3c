package io.loadgrid.report.sweep;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.Counts;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.Latencies;
import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.common.metrics.Rates;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.RunResultBuilder;
import io.loadgrid.common.metrics.Second;
import io.loadgrid.common.metrics.TargetCounts;
import io.loadgrid.common.metrics.WireBytes;
import io.loadgrid.report.results.CellResult;
import io.loadgrid.report.results.Environment;
import io.loadgrid.report.results.Figure;
import io.loadgrid.report.results.Saturation;
import io.loadgrid.report.results.Stat;
import io.loadgrid.report.results.SweepResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * A small sweep as a 2-core machine would measure it: a slow sync cell, two fast ones, a saturated async cell whose
 * latencies span three decades more than sync's, and a failed cell that has nothing to plot.
 */
final class SampleSweep {
    static final int PLOTTED_CELLS = 4;
    /** Where the tests leave their output for a person to look at: under the module's build directory. */
    static final Path OUT = Path.of(System.getProperty("basedir", "."), "target", "report-sample");

    private SampleSweep() {}

    static SweepResults results() {
        Random random = new Random(7);
        List<CellResult> cells = List.of(
                cell(
                        random,
                        "c01",
                        "sync c=1",
                        "sync",
                        1,
                        300,
                        0,
                        3,
                        12_000,
                        0.12,
                        new AvgMax(38, 61),
                        new AvgMax(22, 35),
                        new AvgMax(96, 104),
                        12,
                        Saturation.NONE),
                cell(
                        random,
                        "c02",
                        "threads c=100",
                        "threads",
                        100,
                        20_000,
                        4,
                        3,
                        9_000,
                        0.45,
                        new AvgMax(121, 168),
                        new AvgMax(71, 88),
                        new AvgMax(212, 260),
                        118,
                        Saturation.NONE),
                cell(
                        random,
                        "c03",
                        "virtual c=1000",
                        "virtual",
                        1000,
                        100_000,
                        27,
                        3,
                        42_000,
                        0.9,
                        new AvgMax(160, 189),
                        new AvgMax(86, 97),
                        new AvgMax(388, 455),
                        31,
                        Saturation.NONE),
                cell(
                        random,
                        "c04",
                        "async c=100",
                        "async",
                        100,
                        100_000,
                        0,
                        3,
                        900,
                        1.6,
                        new AvgMax(186, 199),
                        new AvgMax(97, 100),
                        new AvgMax(174, 190),
                        9,
                        new Saturation(true, List.of("agent 1a2b3c4d CPU 187% of 2 cores"))),
                failed());
        return new SweepResults(
                SweepResults.SCHEMA,
                "20261124-101500-models",
                new SweepResults.PlanInfo(
                        "models-at-scale",
                        "Each model at its natural concurrency",
                        "plans/models.yaml",
                        3,
                        1,
                        "name: models-at-scale\n",
                        null),
                environment(),
                cells);
    }

    /** A wide sweep: every model at several concurrencies, names long enough that labels cannot lie flat. */
    static SweepResults wide() {
        Random random = new Random(11);
        String[] models = {"sync", "threads", "virtual", "async", "hybrid", "multiprocess"};
        int[] concurrency = {1, 10, 100, 1000, 10000};
        List<CellResult> cells = new ArrayList<>();
        for (String model : models) {
            for (int c : concurrency) {
                int n = cells.size() + 1;
                double cpu = Math.min(199, 20 + 30 * Math.log10(c));
                cells.add(cell(
                        random,
                        String.format("c%02d", n),
                        model + " c=" + c + " pool=reuse",
                        model,
                        c,
                        2_000,
                        n % 7,
                        3,
                        500 + 40L * c,
                        0.6,
                        new AvgMax(cpu, cpu * 1.2),
                        new AvgMax(cpu / 2, cpu / 1.8),
                        new AvgMax(90 + c / 50.0, 100 + c / 40.0),
                        10 + c / 10,
                        n % 9 == 0 ? new Saturation(true, List.of("agent CPU 190% of 2 cores")) : Saturation.NONE));
            }
        }
        return new SweepResults(
                SweepResults.SCHEMA,
                "20261124-120000-wide",
                new SweepResults.PlanInfo("wide", "", "plans/wide.yaml", 3, 0, "", null),
                environment(),
                cells);
    }

    static Environment environment() {
        return new Environment(
                "bench-1",
                "Linux 6.1.0-27-amd64 amd64",
                2,
                7_940,
                "25.0.1+8-LTS",
                "0.1.0",
                "local",
                List.of(
                        new Environment.Agent("1a2b3c4d", "127.0.0.1:5702", "bench-1", 2, 7_940, "0.1.0"),
                        new Environment.Agent("9f8e7d6c", "127.0.0.1:5703", "bench-1", 2, 7_940, "0.1.0")),
                "2026-11-24T10:15:00Z");
    }

    /** Repetitions around a median latency (µs) with a log-normal spread, so that the tail is real. */
    private static CellResult cell(
            Random random,
            String id,
            String name,
            String model,
            int concurrency,
            long items,
            long failed,
            int reps,
            long medianUs,
            double spread,
            AvgMax cpuProcess,
            AvgMax cpuSystem,
            AvgMax rss,
            int threads,
            Saturation saturation) {
        List<RunResult> runs = new ArrayList<>();
        Histogram merged = Histograms.newLatency();
        for (int i = 0; i < reps; i++) {
            Histogram h = Histograms.newLatency();
            for (long n = 0; n < items; n++) {
                h.recordValue(Math.max(1, Math.round(medianUs * Math.exp(spread * random.nextGaussian()))));
            }
            merged.add(h);
            // a closed loop: the run lasts as long as its items queue behind the concurrency
            double wall = items * h.getMean() / 1e6 / concurrency * (1 + 0.04 * random.nextGaussian());
            runs.add(run(
                    model,
                    concurrency,
                    items,
                    failed == 0 ? 0 : failed + i,
                    wall,
                    h,
                    jitter(random, cpuProcess),
                    jitter(random, cpuSystem),
                    jitter(random, rss),
                    threads));
        }
        Map<String, Stat> totals = new LinkedHashMap<>();
        for (Figure f : Figure.ALL) {
            totals.put(
                    f.key(), Stat.of(runs.stream().map(f.value()::applyAsDouble).toList()));
        }
        return new CellResult(
                id,
                name,
                model,
                Map.of("model", model, "concurrency", concurrency),
                "done",
                null,
                runs,
                totals,
                LatencySummary.of(merged),
                LatencySummary.of(merged),
                LatencySummary.of(merged),
                saturation,
                null,
                null);
    }

    private static CellResult failed() {
        return new CellResult(
                "c05",
                "multiprocess c=4",
                "multiprocess",
                Map.of("model", "multiprocess", "concurrency", 4),
                "failed",
                "agent 9f8e7d6c lost",
                List.of(),
                Map.of(),
                null,
                null,
                null,
                Saturation.NONE,
                null,
                null);
    }

    private static AvgMax jitter(Random random, AvgMax a) {
        double f = 1 + 0.05 * random.nextGaussian();
        return new AvgMax(Math.round(a.avg() * f * 100) / 100.0, Math.round(a.max() * f * 10) / 10.0);
    }

    private static RunResult run(
            String model,
            int concurrency,
            long items,
            long failed,
            double wallS,
            Histogram h,
            AvgMax cpuProcess,
            AvgMax cpuSystem,
            AvgMax rss,
            int threads) {
        long ok = items - failed;
        long down = ok * 5_312;
        long up = items * 187;
        return RunResultBuilder.builder()
                .schema(RunResult.SCHEMA)
                .model(model)
                .concurrency(concurrency)
                .workload("seed")
                .target("http://127.0.0.1:8080")
                .parameters(new RunResult.Parameters(
                        null, null, null, null, Map.of("pool", "reuse"), 5_000, "discard", true))
                .counts(new Counts(items, ok, failed, Map.of("timeout", failed, "connect", 0L, "status", 0L), null))
                .rates(new Rates(wallS, ok / wallS, items / wallS, down / wallS, up / wallS))
                .bytes(new WireBytes(down, up, 0))
                .latency(new Latencies(
                        LatencySummary.of(h),
                        LatencySummary.of(h),
                        LatencySummary.of(h),
                        Histograms.encode(h),
                        Histograms.encode(h),
                        Histograms.encode(h)))
                .resources(new Resources(cpuProcess, cpuSystem, rss, threads, 2, (int) Math.ceil(wallS), null))
                .targetCounts(new TargetCounts(items, up, down))
                .interrupted(false)
                .timeline(timeline(items, wallS, h, cpuProcess, concurrency))
                .build();
    }

    /** A second per second of the run: a slow first second (a cold start), then an even rate. */
    private static List<Second> timeline(long items, double wallS, Histogram h, AvgMax cpu, int concurrency) {
        List<Second> seconds = new ArrayList<>();
        int n = Math.max(1, (int) Math.ceil(wallS));
        for (int t = 1; t <= n; t++) {
            long perS = Math.round(items / wallS * (t == 1 ? 0.6 : 1.0));
            long p99 = t == 1 ? h.getValueAtPercentile(99.9) : h.getValueAtPercentile(99);
            seconds.add(new Second(t, perS, 0, p99, concurrency, t == 1 ? cpu.max() : cpu.avg()));
        }
        return seconds;
    }
}
