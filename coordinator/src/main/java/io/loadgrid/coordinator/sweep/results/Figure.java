package io.loadgrid.coordinator.sweep.results;

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

    public static final Figure WALL = new Figure("wall_s", "Execution Time", "s", false, RunResult::wallS);
    public static final Figure THROUGHPUT =
            new Figure("req_per_s", "Throughput", "responses/s", true, RunResult::reqPerS);
    public static final Figure ITEM_RATE =
            new Figure("items_per_s", "Item Rate", "items/s", true, RunResult::itemsPerS);
    public static final Figure FAILED = new Figure("failed", "Failed Requests", "requests", false, RunResult::failed);

    public static final List<Figure> ALL = List.of(
            WALL,
            THROUGHPUT,
            ITEM_RATE,
            new Figure("items", "Items", "items", true, RunResult::items),
            new Figure("bytes_down", "Total Downloaded", "bytes", true, RunResult::bytesDown),
            new Figure("download_bytes_per_s", "Download Speed", "bytes/s", true, RunResult::downloadBytesPerS),
            new Figure("bytes_up", "Total Uploaded", "bytes", true, RunResult::bytesUp),
            new Figure("upload_bytes_per_s", "Upload Speed", "bytes/s", true, RunResult::uploadBytesPerS),
            new Figure("bytes_written", "Data Written to File", "bytes", true, RunResult::bytesWritten),
            FAILED,
            new Figure(
                    "cpu_process_avg",
                    "CPU Usage (Process) avg",
                    "% of one core",
                    false,
                    r -> avg(r, RunResult::cpuProcessPct)),
            new Figure(
                    "cpu_process_max",
                    "CPU Usage (Process) max",
                    "% of one core",
                    false,
                    r -> max(r, RunResult::cpuProcessPct)),
            new Figure(
                    "cpu_system_avg",
                    "CPU Usage (System) avg",
                    "% of all cores",
                    false,
                    r -> avg(r, RunResult::cpuSystemPct)),
            new Figure(
                    "cpu_system_max",
                    "CPU Usage (System) max",
                    "% of all cores",
                    false,
                    r -> max(r, RunResult::cpuSystemPct)),
            new Figure("rss_avg_mb", "Memory Usage (RSS) avg", "MB", false, r -> avg(r, RunResult::rssMb)),
            new Figure("rss_max_mb", "Memory Usage (RSS) max", "MB", false, r -> max(r, RunResult::rssMb)),
            new Figure("cores", "CPU Cores", "cores", true, RunResult::cores),
            new Figure("threads_max", "Threads (max live)", "threads", false, RunResult::threadsMax),
            new Figure(
                    "busiest_thread_pct",
                    "Busiest Thread",
                    "% of one core",
                    false,
                    r -> r.busiestThreadPct() == null ? 0 : r.busiestThreadPct()));

    private static double avg(RunResult r, Function<RunResult, AvgMax> f) {
        AvgMax v = f.apply(r);
        return v == null ? 0 : v.avg();
    }

    private static double max(RunResult r, Function<RunResult, AvgMax> f) {
        AvgMax v = f.apply(r);
        return v == null ? 0 : v.max();
    }
}
