package io.loadgrid.coordinator.aggregate;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.ChunkResult;
import io.loadgrid.common.metrics.NodeReport;
import io.loadgrid.common.metrics.NodeSnapshot;
import io.loadgrid.common.metrics.Resources;
import io.loadgrid.common.metrics.Results;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Spread;
import io.loadgrid.common.metrics.Tally;
import io.loadgrid.common.metrics.TargetCounts;
import io.loadgrid.common.plan.ClusterPlan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Merges a cluster run exactly: each node's committed chunks are added (counts summed, histograms added, never
 * percentiles averaged), with the wire bytes and resources only the node itself knows; the total adds the nodes.
 */
public final class Merge {
    private Merge() {}

    /** What the coordinator collected about one agent. */
    public record Node(
            String id, String address, String host, int cores, NodeReport report, NodeSnapshot last, boolean lost) {}

    public static RunResult of(
            ClusterPlan plan,
            List<Node> nodes,
            Collection<ChunkResult> chunks,
            Map<Long, String> releasedFrom,
            long startMs,
            String target,
            TargetCounts counts,
            boolean interrupted) {
        Map<String, List<Tally.Encoded>> committed = new HashMap<>();
        Map<String, Long> chunkCount = new HashMap<>();
        Map<Long, String> committedBy = new HashMap<>();
        for (ChunkResult c : chunks) {
            committed.computeIfAbsent(c.node(), k -> new ArrayList<>()).add(c.tally());
            chunkCount.merge(c.node(), 1L, Long::sum);
            committedBy.put(c.chunk(), c.node());
        }
        Map<String, Tally> perNode = new HashMap<>();
        committed.forEach((node, parts) -> perNode.put(node, Tally.sum(parts)));
        Tally total = Tally.empty();
        long wall = 0;
        List<Spread.NodeResult> rows = new ArrayList<>();
        List<Resources> resources = new ArrayList<>();
        for (Node n : nodes) {
            Tally t = withBytes(perNode.getOrDefault(n.id(), Tally.empty()), n);
            long nodeWall = n.report() != null
                    ? n.report().wallNanos()
                    : n.last() != null ? (n.last().clusterMs() - startMs) * 1_000_000 : 0;
            Resources res = n.report() != null
                    ? n.report().resources()
                    : new Resources(null, null, null, 0, n.cores(), 0, null);
            total = total.plus(t);
            wall = Math.max(wall, nodeWall);
            resources.add(res);
            rows.add(new Spread.NodeResult(
                    n.id(),
                    n.address(),
                    n.host(),
                    n.lost(),
                    chunkCount.getOrDefault(n.id(), 0L),
                    n.report() == null ? 0 : n.report().duplicates(),
                    n.report() == null ? null : n.report().error(),
                    Results.of(plan.spec(), t, nodeWall, res, target, null, interrupted)));
        }
        long rerun = releasedFrom.entrySet().stream()
                .filter(e -> committedBy.containsKey(e.getKey())
                        && !committedBy.get(e.getKey()).equals(e.getValue()))
                .count();
        var summary = new Spread.ClusterSummary(
                nodes.size(),
                plan.split().name().toLowerCase(Locale.ROOT),
                plan.chunkSize(),
                committedBy.size(),
                releasedFrom.size(),
                rerun,
                nodes.stream().filter(Node::lost).map(Node::id).toList(),
                plan.items() < 0 ? 0 : plan.items() - total.items());
        return Results.of(plan.spec(), total, wall, sum(resources, nodes), target, counts, interrupted)
                .withSpread(new Spread(summary, rows));
    }

    /** A lost node's bytes are those of its last snapshot: what it had certainly sent by then. */
    private static Tally withBytes(Tally t, Node n) {
        long up = n.report() != null
                ? n.report().bytesUp()
                : n.last() != null ? n.last().bytesUp() : 0;
        long down = n.report() != null
                ? n.report().bytesDown()
                : n.last() != null ? n.last().bytesDown() : 0;
        return t.withBytes(up, down);
    }

    /**
     * The generators' resources together: process CPU, memory and threads add up across nodes (a sum of per-node
     * maxima for max); system CPU and cores are per host, so nodes sharing a host count once.
     */
    static Resources sum(List<Resources> res, List<Node> nodes) {
        double procAvg = 0, procMax = 0, rssAvg = 0, rssMax = 0;
        int threads = 0;
        int samples = 0;
        Double busiest = null;
        Map<String, Resources> byHost = new HashMap<>();
        for (int i = 0; i < res.size(); i++) {
            Resources r = res.get(i);
            threads += r.threadsMax();
            samples = Math.max(samples, r.samples());
            byHost.putIfAbsent(nodes.get(i).host(), r);
            if (r.busiestThreadPct() != null) {
                busiest = Math.max(busiest == null ? 0 : busiest, r.busiestThreadPct());
            }
            if (r.cpuProcessPct() == null) {
                continue;
            }
            procAvg += r.cpuProcessPct().avg();
            procMax += r.cpuProcessPct().max();
            rssAvg += r.rssMb().avg();
            rssMax += r.rssMb().max();
        }
        double sysAvg = byHost.values().stream()
                .filter(r -> r.cpuSystemPct() != null)
                .mapToDouble(r -> r.cpuSystemPct().avg())
                .average()
                .orElse(0);
        double sysMax = byHost.values().stream()
                .filter(r -> r.cpuSystemPct() != null)
                .mapToDouble(r -> r.cpuSystemPct().max())
                .max()
                .orElse(0);
        int cores = byHost.values().stream().mapToInt(Resources::cores).sum();
        return new Resources(
                new AvgMax(round(procAvg), round(procMax)),
                new AvgMax(round(sysAvg), round(sysMax)),
                new AvgMax(round(rssAvg), round(rssMax)),
                threads,
                cores,
                samples,
                busiest);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
