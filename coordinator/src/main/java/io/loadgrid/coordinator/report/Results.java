package io.loadgrid.coordinator.report;

import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.metrics.TargetCounts;
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
        return new RunResult(
                RunResult.SCHEMA,
                spec.model().key(),
                spec.concurrency(),
                spec.workload().name(),
                target,
                parameters(spec),
                t.items(),
                t.ok(),
                t.failed(),
                failures,
                round(wall, 4),
                per(t.responses(), wall),
                per(t.items(), wall),
                t.bytesDown(),
                t.bytesUp(),
                t.bytesWritten(),
                per(t.bytesDown(), wall),
                per(t.bytesUp(), wall),
                LatencySummary.of(t.latency()),
                LatencySummary.of(t.uncorrected()),
                LatencySummary.of(t.lag()),
                res.cpuProcessPct(),
                res.cpuSystemPct(),
                res.rssMb(),
                res.threadsMax(),
                res.cores(),
                cpu ? t.result() : null,
                counts,
                interrupted ? Boolean.TRUE : null,
                null,
                null,
                Histograms.encode(t.latency()),
                Histograms.encode(t.uncorrected()),
                Histograms.encode(t.lag()),
                res.busiestThreadPct());
    }

    private static RunResult.Parameters parameters(RunSpec s) {
        return new RunResult.Parameters(
                s.rate(),
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
