package io.loadgrid.common.metrics;

import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.Workload;
import java.util.LinkedHashMap;
import java.util.Map;

/** Derives the result document from a tally and resources: the single place where rates are computed. */
public final class Results {
    private Results() {}

    public static RunResult of(
            RunSpec spec,
            Tally t,
            long wallNanos,
            Resources res,
            String target,
            TargetCounts counts,
            boolean interrupted) {
        double wall = wallNanos / 1e9;
        Map<String, Long> failures = new LinkedHashMap<>();
        for (FailureKind k : FailureKind.values()) {
            failures.put(k.key(), t.failures().getOrDefault(k, 0L));
        }
        boolean cpu = spec.workload() instanceof Workload.Cpu;
        return RunResultBuilder.builder()
                .schema(RunResult.SCHEMA)
                .model(spec.model().key())
                .concurrency(spec.concurrency())
                .workload(spec.workload().name())
                .target(target)
                .parameters(parameters(spec))
                .counts(new Counts(t.items(), t.ok(), t.failed(), failures, cpu ? t.result() : null))
                .rates(new Rates(
                        round(wall, 4),
                        per(t.responses(), wall),
                        per(t.items(), wall),
                        per(t.bytesDown(), wall),
                        per(t.bytesUp(), wall)))
                .bytes(new WireBytes(t.bytesDown(), t.bytesUp(), t.bytesWritten()))
                .latency(new Latencies(
                        LatencySummary.of(t.latency()),
                        LatencySummary.of(t.uncorrected()),
                        LatencySummary.of(t.lag()),
                        Histograms.encode(t.latency()),
                        Histograms.encode(t.uncorrected()),
                        Histograms.encode(t.lag())))
                .resources(res)
                .targetCounts(counts)
                .interrupted(interrupted ? Boolean.TRUE : null)
                .build();
    }

    private static RunResult.Parameters parameters(RunSpec s) {
        return new RunResult.Parameters(
                s.meanRate(),
                s.stages() == null ? null : s.stages().text(),
                s.duration() == null ? null : s.duration().toMillis() / 1000.0,
                s.batch() > 0 ? s.batch() : null,
                s.model().knobs(),
                s.timeout().toMillis(),
                s.sinkFile() == null ? "discard" : s.sinkFile().toString(),
                s.prewarm());
    }

    private static double per(long amount, double seconds) {
        return seconds > 0 ? round(amount / seconds, 2) : 0;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
