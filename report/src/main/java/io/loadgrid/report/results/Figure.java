package io.loadgrid.report.results;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.RunResult;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The scalar figures of a run that a sweep summarises over repetitions, defined once: results.json's totals,
 * results.csv's columns, summary.md's rows and the plots all take their key, label and unit from here.
 *
 * @param higherIsBetter which way a change is a regression, for {@code compare}
 */
public record Figure(String key, String label, String unit, boolean higherIsBetter, ToDoubleFunction<RunResult> value) {

    public static final Figure WALL =
            new Figure("wall_s", "Execution Time", "s", false, r -> r.rates().wallS());
    public static final Figure THROUGHPUT = new Figure(
            "req_per_s", "Throughput", "responses/s", true, r -> r.rates().reqPerS());
    public static final Figure ITEM_RATE = new Figure(
            "items_per_s", "Item Rate", "items/s", true, r -> r.rates().itemsPerS());
    public static final Figure FAILED = new Figure(
            "failed", "Failed Requests", "requests", false, r -> r.counts().failed());

    public static final List<Figure> ALL = List.of(
            WALL,
            THROUGHPUT,
            ITEM_RATE,
            new Figure("items", "Items", "items", true, r -> r.counts().items()),
            new Figure(
                    "bytes_down",
                    "Total Downloaded",
                    "bytes",
                    true,
                    r -> r.bytes().bytesDown()),
            new Figure(
                    "download_bytes_per_s",
                    "Download Speed",
                    "bytes/s",
                    true,
                    r -> r.rates().downloadBytesPerS()),
            new Figure(
                    "bytes_up", "Total Uploaded", "bytes", true, r -> r.bytes().bytesUp()),
            new Figure(
                    "upload_bytes_per_s",
                    "Upload Speed",
                    "bytes/s",
                    true,
                    r -> r.rates().uploadBytesPerS()),
            new Figure(
                    "bytes_written",
                    "Data Written to File",
                    "bytes",
                    true,
                    r -> r.bytes().bytesWritten()),
            FAILED,
            new Figure(
                    "cpu_process_avg",
                    "CPU Usage (Process) avg",
                    "% of one core",
                    false,
                    r -> avg(r, x -> x.resources().cpuProcessPct())),
            new Figure(
                    "cpu_process_max",
                    "CPU Usage (Process) max",
                    "% of one core",
                    false,
                    r -> max(r, x -> x.resources().cpuProcessPct())),
            new Figure(
                    "cpu_system_avg",
                    "CPU Usage (System) avg",
                    "% of all cores",
                    false,
                    r -> avg(r, x -> x.resources().cpuSystemPct())),
            new Figure(
                    "cpu_system_max",
                    "CPU Usage (System) max",
                    "% of all cores",
                    false,
                    r -> max(r, x -> x.resources().cpuSystemPct())),
            new Figure(
                    "rss_avg_mb",
                    "Memory Usage (RSS) avg",
                    "MB",
                    false,
                    r -> avg(r, x -> x.resources().rssMb())),
            new Figure(
                    "rss_max_mb",
                    "Memory Usage (RSS) max",
                    "MB",
                    false,
                    r -> max(r, x -> x.resources().rssMb())),
            new Figure("cores", "CPU Cores", "cores", true, r -> r.resources().cores()),
            new Figure(
                    "threads_max",
                    "Threads (max live)",
                    "threads",
                    false,
                    r -> r.resources().threadsMax()),
            new Figure(
                    "busiest_thread_pct",
                    "Busiest Thread",
                    "% of one core",
                    false,
                    r -> r.resources().busiestThreadPct() == null
                            ? 0
                            : r.resources().busiestThreadPct()));

    private static double avg(RunResult r, Function<RunResult, AvgMax> f) {
        AvgMax v = f.apply(r);
        return v == null ? 0 : v.avg();
    }

    private static double max(RunResult r, Function<RunResult, AvgMax> f) {
        AvgMax v = f.apply(r);
        return v == null ? 0 : v.max();
    }
}
