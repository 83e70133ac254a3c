package io.loadgrid.agent.metrics;

import io.loadgrid.common.metrics.AvgMax;
import io.loadgrid.common.metrics.Resources;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * Samples the generator's processes (this JVM and its workers) and the whole machine at 1 Hz with OSHI, within the
 * measured window: from the start instant to the completion of the last item. Process CPU is in % of one core,
 * system CPU in % of all cores. Averages are exact (CPU time over the window's wall time); maxima are the largest
 * one-second interval.
 */
public final class ResourceSampler implements MeasuredWindow, AutoCloseable {
    private static final long PERIOD_MS = 1000;
    /** A closing interval shorter than this is too noisy to be a maximum, though it still counts in averages. */
    private static final long MIN_INTERVAL_FOR_MAX_NS = 250_000_000L;

    private final OperatingSystem os;
    private final CentralProcessor cpu;
    /** The generator's child processes alive now (the multiprocess model's workers): their use is its own. */
    private final Supplier<List<ProcessHandle>> children;

    private final com.sun.management.OperatingSystemMXBean self =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("resource-sampler").factory());
    private final List<Double> processPct = new ArrayList<>();
    private final List<Double> systemPct = new ArrayList<>();
    private final List<Double> rssMb = new ArrayList<>();
    private final ThreadCpu threadCpu = new ThreadCpu();
    private boolean opened;
    private boolean closed;
    private long firstNanos;
    private long firstCpuNs;
    private long prevNanos;
    private long prevCpuNs;
    private long[] prevTicks;
    private long[] firstTicks;
    private Double busiest;

    public ResourceSampler(Supplier<List<ProcessHandle>> children) {
        SystemInfo si = new SystemInfo();
        this.os = si.getOperatingSystem();
        this.cpu = si.getHardware().getProcessor();
        this.children = children;
        // OSHI's first reads load and link its classes (hundreds of ms on a fresh JVM): do them now, not at the start
        // instant
        cpuNanos(tree());
        cpu.getSystemCpuLoadTicks();
    }

    /** The latest one-second figures, for live snapshots. */
    public record Latest(double cpuProcessPct, double cpuSystemPct, double rssMb) {}

    public synchronized Latest latest() {
        return new Latest(
                processPct.isEmpty() ? 0 : round(processPct.getLast()),
                systemPct.isEmpty() ? 0 : round(systemPct.getLast()),
                rssMb.isEmpty() ? 0 : round(rssMb.getLast()));
    }

    /** The start instant: the window begins. */
    @Override
    public synchronized void opened() {
        threadCpu.start();
        firstNanos = prevNanos = System.nanoTime();
        firstCpuNs = prevCpuNs = cpuNanos(tree());
        firstTicks = prevTicks = cpu.getSystemCpuLoadTicks();
        opened = true;
        timer.scheduleAtFixedRate(this::sample, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    /** The last item completed: the closing sample; what the generator does after this is not the run's. */
    @Override
    public synchronized void closed() {
        if (!opened || closed) {
            return;
        }
        timer.shutdownNow();
        sample();
        busiest = threadCpu.busiestPct(prevNanos - firstNanos);
        closed = true;
    }

    /**
     * Summarises the window (all zero when the run never started). {@code measuredNanos}, the start instant to this
     * node's last completion, is what process CPU and the busiest thread are divided by: the model may return later
     * than that (a node whose chunks are done waits while others hold leases), and that idle wait is not the run's.
     */
    public synchronized Resources stop(int threadsMax, long measuredNanos) {
        timer.shutdownNow();
        if (opened && !closed) {
            closed();
        }
        double sampledNs = prevNanos - firstNanos;
        double wallNs = measuredNanos > 0 ? Math.min(sampledNs, measuredNanos) : sampledNs;
        Double busiestPct = busiest;
        if (busiest != null && wallNs > 0) {
            // one thread is at most one core, whatever the few polls of the idle wait added
            busiestPct = Math.min(100, Math.round(busiest * sampledNs / wallNs * 100) / 100.0);
        }
        double procAvg = wallNs > 0 ? (prevCpuNs - firstCpuNs) * 100.0 / wallNs : 0;
        double sysAvg = opened ? busyShare(firstTicks, prevTicks) * 100 : 0;
        return new Resources(
                new AvgMax(round(procAvg), round(Math.max(procAvg, max(processPct, procAvg)))),
                new AvgMax(round(sysAvg), round(Math.max(sysAvg, max(systemPct, sysAvg)))),
                new AvgMax(round(avg(rssMb)), round(max(rssMb, 0))),
                threadsMax,
                Runtime.getRuntime().availableProcessors(),
                rssMb.size(),
                busiestPct);
    }

    private synchronized void sample() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        // one read of /proc per process per sample serves both figures
        List<OSProcess> tree = tree();
        long cpuNs = cpuNanos(tree);
        long[] ticks = cpu.getSystemCpuLoadTicks();
        long interval = now - prevNanos;
        if (interval >= MIN_INTERVAL_FOR_MAX_NS) {
            processPct.add((cpuNs - prevCpuNs) * 100.0 / interval);
            systemPct.add(busyShare(prevTicks, ticks) * 100);
        }
        prevTicks = ticks;
        prevNanos = now;
        prevCpuNs = cpuNs;
        rssMb.add(tree.stream().mapToLong(OSProcess::getResidentSetSize).sum() / 1e6);
    }

    private List<OSProcess> tree() {
        List<OSProcess> list = new ArrayList<>();
        OSProcess self = os.getProcess(os.getProcessId());
        if (self != null) {
            list.add(self);
        }
        for (ProcessHandle child : children.get()) {
            OSProcess p = os.getProcess((int) child.pid());
            if (p != null) {
                list.add(p);
            }
        }
        return list;
    }

    /** This JVM's CPU from the JVM itself (nanosecond resolution), its workers' from /proc (clock ticks). */
    private long cpuNanos(List<OSProcess> tree) {
        long ns = Math.max(0, self.getProcessCpuTime());
        for (OSProcess p : tree) {
            if (p.getProcessID() != os.getProcessId()) {
                ns += (p.getKernelTime() + p.getUserTime()) * 1_000_000L;
            }
        }
        return ns;
    }

    /** The share of all cores' ticks between two readings that were not idle (OSHI's own rule, between two points). */
    private static double busyShare(long[] from, long[] to) {
        long total = 0;
        for (int i = 0; i < to.length; i++) {
            total += to[i] - from[i];
        }
        int idle = CentralProcessor.TickType.IDLE.getIndex();
        int iowait = CentralProcessor.TickType.IOWAIT.getIndex();
        long idleTicks = to[idle] - from[idle] + to[iowait] - from[iowait];
        return total > 0 ? Math.max(0, total - idleTicks) / (double) total : 0;
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
