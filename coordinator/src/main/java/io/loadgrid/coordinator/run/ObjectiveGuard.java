package io.loadgrid.coordinator.run;

import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.metrics.Histograms;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.SloVerdict;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.slo.Evidence;
import io.loadgrid.common.slo.Objectives;
import io.loadgrid.common.slo.Slo;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * {@code --abort-on-fail GRACE}: judges the objectives on the cluster's live figures so far (every agent's interval
 * histograms added, their latest cumulative counts summed) at each snapshot once the grace period has passed, as k6's
 * abortOnFail does; the first one lost stops the run. An objective that cannot be measured yet (no answer so far) is
 * not lost. The verdicts the run reports are still judged at its end, on its exact merged result.
 */
public final class ObjectiveGuard implements RunObserver {
    private final Objectives objectives;
    private final Histogram latency = Histograms.newLatency();
    private final Map<String, NodeSnapshot> latest = new HashMap<>();
    private long startMs = -1;
    private long nowMs = -1;
    private String lost;

    public ObjectiveGuard(Objectives objectives) {
        this.objectives = objectives;
    }

    /** Whether it can stop a run at all. */
    public boolean armed() {
        return objectives.abortAfter() != null && !objectives.isEmpty();
    }

    /** The run's start instant, in cluster time, as its snapshots tell time. */
    public synchronized void started(long clusterStartMs) {
        startMs = clusterStartMs;
    }

    @Override
    public synchronized void snapshot(String address, NodeSnapshot s, Histogram interval) {
        if (!armed()) {
            return;
        }
        NodeSnapshot had = latest.get(s.node());
        if (had != null && had.seq() >= s.seq()) {
            return; // as Progress keeps them: an older or repeated snapshot adds nothing
        }
        latest.put(s.node(), s);
        if (interval != null) {
            latency.add(interval);
        }
        nowMs = Math.max(nowMs, s.clusterMs());
    }

    /** Why the run must stop: the first objective lost after the grace period, said once and kept. */
    public synchronized Optional<String> lost() {
        if (lost != null
                || !armed()
                || startMs < 0
                || nowMs - startMs < objectives.abortAfter().toMillis()) {
            return Optional.ofNullable(lost);
        }
        Evidence sofar = evidence();
        for (Slo slo : objectives.all()) {
            SloVerdict v = slo.judge(sofar);
            if (!v.met() && v.measured() != null) {
                lost = Objectives.lost(slo, sofar.wallS(), v.says());
                break;
            }
        }
        return Optional.ofNullable(lost);
    }

    private Evidence evidence() {
        long items = 0;
        long failed = 0;
        long responses = 0;
        for (NodeSnapshot s : latest.values()) {
            Map<FailureKind, Long> failures = s.failures() == null ? Map.of() : s.failures();
            long f = failures.values().stream().mapToLong(Long::longValue).sum();
            items += s.ok() + f;
            failed += f;
            responses += Tally.responses(s.ok(), failures);
        }
        return new Evidence(latency, items, failed, responses, (nowMs - startMs) / 1000.0);
    }

    @Override
    public void finished(RunResult result) {}

    @Override
    public void aborted() {}
}
