package io.loadgrid.report.table;

import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Spread;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** One row per agent under the total: how the work and its cost were spread, and which node was lost or slow. */
final class NodeTable {
    private NodeTable() {}

    static void print(RunResult r, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        for (Spread.NodeResult n : r.spread().nodes()) {
            RunResult x = n.result();
            rows.add(new String[] {
                n.node().substring(0, 8),
                n.address(),
                Table.f("%,d", x.counts().items()),
                Table.f("%,d", n.chunks()),
                Table.f("%,.1f", x.rates().reqPerS()),
                Table.f("%.2f", x.latency().latencyUs().p50() / 1e3),
                Table.f("%.2f", x.latency().latencyUs().p99() / 1e3),
                Table.f("%,d", x.bytes().bytesDown()),
                x.resources().cpuProcessPct() == null
                        ? "-"
                        : Table.f("%.1f", x.resources().cpuProcessPct().avg()),
                x.resources().rssMb() == null
                        ? "-"
                        : Table.f("%.1f", x.resources().rssMb().max()),
                status(n)
            });
        }
        rows.add(new String[] {
            "total",
            "",
            Table.f("%,d", r.counts().items()),
            Table.f("%,d", r.spread().cluster().chunks()),
            Table.f("%,.1f", r.rates().reqPerS()),
            Table.f("%.2f", r.latency().latencyUs().p50() / 1e3),
            Table.f("%.2f", r.latency().latencyUs().p99() / 1e3),
            Table.f("%,d", r.bytes().bytesDown()),
            r.resources().cpuProcessPct() == null
                    ? "-"
                    : Table.f("%.1f", r.resources().cpuProcessPct().avg()),
            r.resources().rssMb() == null
                    ? "-"
                    : Table.f("%.1f", r.resources().rssMb().max()),
            summary(r.spread().cluster())
        });
        out.println();
        Table.render(
                new String[] {
                    "Node",
                    "Address",
                    "Items",
                    "Chunks",
                    "Resp/s",
                    "p50 ms",
                    "p99 ms",
                    "Downloaded",
                    "CPU %",
                    "RSS MB",
                    "Status"
                },
                rows,
                out);
    }

    private static String status(Spread.NodeResult n) {
        if (n.lost()) {
            return "LOST (its committed chunks count; the rest was re-run)";
        }
        String s = n.error() != null ? n.error() : "ok";
        return n.duplicateChunks() > 0 ? s + Table.f(", %d duplicate chunk(s) discarded", n.duplicateChunks()) : s;
    }

    private static String summary(Spread.ClusterSummary c) {
        String s = c.split() + " split, chunks of " + Table.f("%,d", c.chunkSize());
        if (c.chunksReleased() > 0) {
            s += Table.f(", %d chunk(s) re-leased, %d re-run", c.chunksReleased(), c.chunksRerun());
        }
        if (c.missingItems() > 0) {
            s += Table.f(", %,d item(s) NOT run", c.missingItems());
        }
        return s;
    }
}
