package io.loadgrid.agent.metrics;

import io.loadgrid.agent.run.Children;
import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Samples the generator's processes (this JVM and its workers) and the whole machine at 1 Hz with OSHI.
 * Process CPU is in % of one core, system CPU in % of all cores. Averages are exact (CPU time over wall time);
 * maxima are the largest one-second interval.
 */
public final class ResourceSampler implements AutoCloseable {
    private static final long PERIOD_MS = 1000;
    /** A closing interval shorter than this is too noisy to be a maximum, though it still counts in averages. */
    private static final long MIN_INTERVAL_FOR_MAX_NS = 250_000_000L;

    private final OperatingSystem os;
    private final CentralProcessor cpu;
    private final Children children;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("resource-sampler").factory());
    private final List<Double> processPct = new ArrayList<>();
    private final List<Double> systemPct = new ArrayList<>();
    private final List<Double> rssMb = new ArrayList<>();
    private long firstNanos;
    private long firstCpuMs;
    private long prevNanos;
    private long prevCpuMs;
    private long[] prevTicks;
    private long[] firstTicks;
    private final ThreadCpu threadCpu = new ThreadCpu();

    public ResourceSampler(Children children) {
        SystemInfo si = new SystemInfo();
        this.os = si.getOperatingSystem();
        this.cpu = si.getHardware().getProcessor();
        this.children = children;
    }

    /** The latest one-second figures, for live snapshots. */
    public record Latest(double cpuProcessPct, double cpuSystemPct, double rssMb) {
    }

    public synchronized Latest latest() {
        return new Latest(processPct.isEmpty() ? 0 : round(processPct.getLast()), systemPct.isEmpty() ? 0 : round(systemPct.getLast()), rssMb.isEmpty() ? 0 : round(rssMb.getLast()));
    }

    public synchronized void start() {
        threadCpu.start();
        firstNanos = prevNanos = System.nanoTime();
        firstCpuMs = prevCpuMs = cpuMs(tree());
        firstTicks = prevTicks = cpu.getSystemCpuLoadTicks();
        timer.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** Takes the closing sample and summarises the run. */
    public synchronized Resources stop(int threadsMax) {
        timer.shutdownNow();
        sample();
        double wallMs = (prevNanos - firstNanos) / 1e6;
        double procAvg = wallMs > 0 ? (prevCpuMs - firstCpuMs) * 100.0 / wallMs : 0;
        double sysAvg = cpu.getSystemCpuLoadBetweenTicks(firstTicks) * 100;
        return new Resources(new AvgMax(round(procAvg), round(Math.max(procAvg, max(processPct, procAvg)))),
                new AvgMax(round(sysAvg), round(Math.max(sysAvg, max(systemPct, sysAvg)))),
                new AvgMax(round(avg(rssMb)), round(max(rssMb, 0))),
                threadsMax, Runtime.getRuntime().availableProcessors(), rssMb.size(), threadCpu.busiestPct(prevNanos - firstNanos));
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        // one read of /proc per process per sample serves both figures
        List<OSProcess> tree = tree();
        long cpuMs = cpuMs(tree);
        long interval = now - prevNanos;
        if (interval >= MIN_INTERVAL_FOR_MAX_NS) {
            processPct.add((cpuMs - prevCpuMs) * 100.0 / (interval / 1e6));
            systemPct.add(cpu.getSystemCpuLoadBetweenTicks(prevTicks) * 100);
        }
        prevTicks = cpu.getSystemCpuLoadTicks();
        prevNanos = now;
        prevCpuMs = cpuMs;
        rssMb.add(tree.stream().mapToLong(OSProcess::getResidentSetSize).sum() / 1e6);
    }

    private List<OSProcess> tree() {
        List<OSProcess> list = new ArrayList<>();
        OSProcess self = os.getProcess(os.getProcessId());
        if (self != null) {
            list.add(self);
        }
        for (ProcessHandle child : children.alive()) {
            OSProcess p = os.getProcess((int) child.pid());
            if (p != null) {
                list.add(p);
            }
        }
        return list;
    }

    private static long cpuMs(List<OSProcess> tree) {
        return tree.stream().mapToLong(p -> p.getKernelTime() + p.getUserTime()).sum();
    }

    private static double avg(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static double max(List<Double> xs, double fallback) {
        return xs.stream().mapToDouble(Double::doubleValue).max().orElse(fallback);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
