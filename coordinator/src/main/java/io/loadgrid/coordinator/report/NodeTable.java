package io.loadgrid.coordinator.report;

import io.loadgrid.common.metrics.RunResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** One row per agent under the total: how the work and its cost were spread, and which node was lost or slow. */
final class NodeTable {
    private NodeTable() {}

    static void print(RunResult r, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        for (RunResult.NodeResult n : r.nodes()) {
            RunResult x = n.result();
            rows.add(new String[] {
                n.node().substring(0, 8),
                n.address(),
                Table.f("%,d", x.items()),
                Table.f("%,d", n.chunks()),
                Table.f("%,.1f", x.reqPerS()),
                Table.f("%.2f", x.latencyUs().p50() / 1e3),
                Table.f("%.2f", x.latencyUs().p99() / 1e3),
                Table.f("%,d", x.bytesDown()),
                x.cpuProcessPct() == null
                        ? "-"
                        : Table.f("%.1f", x.cpuProcessPct().avg()),
                x.rssMb() == null ? "-" : Table.f("%.1f", x.rssMb().max()),
                status(n)
            });
        }
        rows.add(new String[] {
            "total",
            "",
            Table.f("%,d", r.items()),
            Table.f("%,d", r.cluster().chunks()),
            Table.f("%,.1f", r.reqPerS()),
            Table.f("%.2f", r.latencyUs().p50() / 1e3),
            Table.f("%.2f", r.latencyUs().p99() / 1e3),
            Table.f("%,d", r.bytesDown()),
            r.cpuProcessPct() == null ? "-" : Table.f("%.1f", r.cpuProcessPct().avg()),
            r.rssMb() == null ? "-" : Table.f("%.1f", r.rssMb().max()),
            summary(r.cluster())
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

    private static String status(RunResult.NodeResult n) {
        if (n.lost()) {
            return "LOST (its committed chunks count; the rest was re-run)";
        }
        String s = n.error() != null ? n.error() : "ok";
        return n.duplicateChunks() > 0 ? s + Table.f(", %d duplicate chunk(s) discarded", n.duplicateChunks()) : s;
    }

    private static String summary(RunResult.ClusterSummary c) {
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
