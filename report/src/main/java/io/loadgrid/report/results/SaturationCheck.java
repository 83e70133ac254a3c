package io.loadgrid.report.results;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Spread;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether a cell measured its generator rather than its target. A node whose process CPU averaged 85% or
 * more of its cores had no headroom left to send faster, and neither had a node whose busiest thread (an event loop,
 * the sync sender) ran 90% or more of the run: the process total would hide it, and JIT and GC threads, busy after a
 * fresh start, do not count in it; in local mode the target shares the host, so a host busy 90% or more on average also
 * caps what
 * the cell shows; a rate the agents could not keep up is the same, and so is a schedule the senders kept late: a p99
 * schedule lag (send minus slot) above both 1 ms and 5% of the p99 response time means the corrected latencies are
 * partly the generator's own delay. CPU workloads have no target: using every core is their point, so they are
 * never flagged.
 */
public final class SaturationCheck {
    static final double NODE_CPU_SHARE = 0.85;
    static final double HOST_CPU_PCT = 90;
    static final double BUSY_THREAD_PCT = 90;
    /** Below 90%: the wall time also holds the last responses' latency, so a short paced cell looks a little slow. */
    public static final double RATE_SHARE = 0.90;

    static final long LAG_FLOOR_US = 1000;
    static final double LAG_SHARE = 0.05;

    private SaturationCheck() {}

    public static Saturation of(List<RunResult> runs, boolean local) {
        // one reason per kind and node: the first repetition that showed it speaks for the others
        Map<String, String> reasons = new LinkedHashMap<>();
        for (RunResult r : runs) {
            reasons(r, local).forEach(reasons::putIfAbsent);
        }
        return reasons.isEmpty() ? Saturation.NONE : new Saturation(true, List.copyOf(reasons.values()));
    }

    static Map<String, String> reasons(RunResult r, boolean local) {
        Map<String, String> out = new LinkedHashMap<>();
        if (r.counts().result() != null) {
            return out;
        }
        for (Spread.NodeResult n : r.spread().nodes() == null
                ? List.<Spread.NodeResult>of()
                : r.spread().nodes()) {
            RunResult nr = n.result();
            String id = n.node().length() > 8 ? n.node().substring(0, 8) : n.node(); // as the node tables show it
            if (nr.resources().cpuProcessPct() != null
                    && nr.resources().cores() > 0
                    && nr.resources().cpuProcessPct().avg()
                            >= NODE_CPU_SHARE * 100 * nr.resources().cores()) {
                out.put(
                        "cpu " + n.node(),
                        String.format(
                                Locale.ROOT,
                                "agent %s CPU at %.0f%% of %d cores",
                                id,
                                nr.resources().cpuProcessPct().avg(),
                                nr.resources().cores()));
            } else if (nr.resources().busiestThreadPct() != null
                    && nr.resources().busiestThreadPct() >= BUSY_THREAD_PCT) {
                out.put(
                        "cpu " + n.node(),
                        String.format(
                                Locale.ROOT,
                                "agent %s's busiest thread at %.0f%% of a core",
                                id,
                                nr.resources().busiestThreadPct()));
            }
        }
        if (local
                && r.resources().cpuSystemPct() != null
                && r.resources().cpuSystemPct().avg() >= HOST_CPU_PCT) {
            out.put(
                    "host",
                    String.format(
                            Locale.ROOT,
                            "host CPU %.0f%% busy, no idle core left to the generator (target and agents share "
                                    + "this host)",
                            r.resources().cpuSystemPct().avg()));
        }
        Double rate = r.parameters() == null ? null : r.parameters().rate();
        if (rate != null && r.rates().itemsPerS() < RATE_SHARE * rate) {
            out.put(
                    "rate",
                    String.format(
                            Locale.ROOT,
                            "kept %.0f of the %.0f items/s asked",
                            r.rates().itemsPerS(),
                            rate));
        }
        if (rate != null && r.latency().scheduleLagUs() != null && r.latency().latencyUncorrectedUs() != null) {
            long lag = r.latency().scheduleLagUs().p99();
            if (lag > LAG_FLOOR_US
                    && lag > LAG_SHARE * r.latency().latencyUncorrectedUs().p99()) {
                out.put(
                        "lag",
                        String.format(
                                Locale.ROOT,
                                "sends were late: p99 schedule lag %.2f ms against a p99 response time of %.2f ms",
                                lag / 1e3,
                                r.latency().latencyUncorrectedUs().p99() / 1e3));
            }
        }
        return out;
    }
}
