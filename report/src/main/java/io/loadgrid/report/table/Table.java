package io.loadgrid.report.table;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.LatencySummary;
import io.loadgrid.common.metrics.RunResult;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The terminal table, with the seeds' rows and units (KB = 1000 bytes, as the seeds computed it). */
public final class Table {
    private Table() {}

    public static void print(RunResult r, PrintStream out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(row("Execution Time", f("%.2f", r.rates().wallS()), "seconds"));
        rows.add(row(
                "Items", f("%,d ok / %,d failed", r.counts().ok(), r.counts().failed()), "items"));
        rows.add(row(
                "Throughput",
                f("%,.1f", r.rates().reqPerS()) + " (" + f("%,.1f", r.rates().itemsPerS()) + " items/s)",
                "responses/s (items/s)"));
        if (r.counts().result() == null) {
            rows.add(row("Total Downloaded", f("%,d", r.bytes().bytesDown()), "bytes"));
            rows.add(row("Download Speed", f("%,.2f", r.rates().downloadBytesPerS() / 1000), "KB/s"));
            rows.add(row("Total Uploaded", f("%,d", r.bytes().bytesUp()), "bytes"));
            rows.add(row("Upload Speed", f("%,.2f", r.rates().uploadBytesPerS() / 1000), "KB/s"));
            rows.add(row("Data Written to File", f("%,d", r.bytes().bytesWritten()), "bytes"));
            rows.add(row("Failed Requests", f("%,d", r.counts().failed()) + failureDetail(r), "requests"));
        } else {
            rows.add(row("Result", f("%,d", r.counts().result()), "sum"));
        }
        rows.add(row("Latency", latency(r.latency().latencyUs()), "ms"));
        if (r.parameters().rate() != null) {
            rows.add(row("Latency (uncorrected)", latency(r.latency().latencyUncorrectedUs()), "ms"));
            if (r.latency().scheduleLagUs() != null) {
                rows.add(row("Schedule Lag", latency(r.latency().scheduleLagUs()), "ms behind the slot"));
            }
        }
        // across agents a max is the sum of each agent's own maximum, which may have come at different moments
        String max = r.spread().nodes() != null && r.spread().nodes().size() > 1 ? "max: sum of agents' max" : "max";
        rows.add(row(
                "CPU Usage (Process)",
                pct(r.resources().cpuProcessPct()).replace("(max)", "(" + max + ")"),
                "% of one core"));
        rows.add(row("CPU Usage (System)", pct(r.resources().cpuSystemPct()), "% of all cores"));
        rows.add(row(
                "Memory Usage (RSS)",
                r.resources().rssMb() == null
                        ? "-"
                        : f(
                                "%.2f MB (avg) / %.2f MB (" + max + ")",
                                r.resources().rssMb().avg(),
                                r.resources().rssMb().max()),
                "MB"));
        rows.add(row("CPU Cores", Integer.toString(r.resources().cores()), "cores"));
        rows.add(row("Threads (max live)", Integer.toString(r.resources().threadsMax()), "threads"));
        if (r.resources().busiestThreadPct() != null) {
            rows.add(row("Busiest Thread", f("%.1f%%", r.resources().busiestThreadPct()), "% of one core"));
        }
        if (r.targetCounts() != null) {
            rows.add(row(
                    "Target counted",
                    f(
                            "%,d requests, %,d bytes in, %,d bytes out",
                            r.targetCounts().requests(),
                            r.targetCounts().bytesIn(),
                            r.targetCounts().bytesOut()),
                    agreement(r)));
        }
        render(rows, out);
        if (r.spread().nodes() != null) {
            NodeTable.print(r, out);
        }
        SloLines.print(r.slo(), out);
        if (r.wasInterrupted()) {
            out.println("(interrupted: these figures cover the items that ran before Ctrl-C)");
        }
        if (r.stoppedBy() != null) {
            out.println("(stopped: " + r.stoppedBy() + "; these figures cover the items that ran until then)");
        }
    }

    private static String failureDetail(RunResult r) {
        if (r.counts().failed() == 0) {
            return "";
        }
        return r.counts().failures().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static String agreement(RunResult r) {
        return f(
                "up %+.2f%%, down %+.2f%% vs client",
                diff(r.bytes().bytesUp(), r.targetCounts().bytesIn()),
                diff(r.bytes().bytesDown(), r.targetCounts().bytesOut()));
    }

    private static double diff(long client, long target) {
        return target == 0 ? 0 : (client - target) * 100.0 / target;
    }

    private static String latency(LatencySummary l) {
        return f(
                "p50 %.2f / p90 %.2f / p99 %.2f / p99.9 %.2f / max %.2f",
                l.p50() / 1e3, l.p90() / 1e3, l.p99() / 1e3, l.p999() / 1e3, l.max() / 1e3);
    }

    private static String pct(AvgMax a) {
        return a == null ? "-" : f("%.2f%% (avg) / %.1f%% (max)", a.avg(), a.max());
    }

    private static String[] row(String metric, String value, String unit) {
        return new String[] {metric, value, unit};
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    private static void render(List<String[]> rows, PrintStream out) {
        render(new String[] {"Metric", "Value", "Unit"}, rows, out);
    }

    /** A markdown table, columns as wide as their widest cell. */
    public static void render(String[] head, List<String[]> rows, PrintStream out) {
        int[] w = new int[head.length];
        for (int i = 0; i < head.length; i++) {
            w[i] = head[i].length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        line(head, w, out);
        StringBuilder rule = new StringBuilder("|");
        for (int width : w) {
            rule.append("-".repeat(width + 2)).append('|');
        }
        out.println(rule);
        for (String[] r : rows) {
            line(r, w, out);
        }
    }

    private static void line(String[] cells, int[] w, PrintStream out) {
        StringBuilder b = new StringBuilder("|");
        for (int i = 0; i < w.length; i++) {
            b.append(' ')
                    .append(cells[i])
                    .append(" ".repeat(w[i] - cells[i].length()))
                    .append(" |");
        }
        out.println(b);
    }
}
