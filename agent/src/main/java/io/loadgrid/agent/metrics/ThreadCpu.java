package io.loadgrid.agent.metrics;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The CPU of this JVM's busiest thread over a run, in % of one core. A process total hides a single event loop or
 * sending thread that has no time left (one thread at 100% of its core on a many-core host); this shows it. JIT and
 * GC threads are not Java threads, so they never count as "busiest".
 */
final class ThreadCpu {
    private final com.sun.management.ThreadMXBean mx =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> start = new HashMap<>();
    private final boolean supported;

    ThreadCpu() {
        supported = mx.isThreadCpuTimeSupported() && mx.isThreadCpuTimeEnabled();
    }

    void start() {
        start.clear();
        if (supported) {
            long[] ids = mx.getAllThreadIds();
            long[] cpu = mx.getThreadCpuTime(ids);
            for (int i = 0; i < ids.length; i++) {
                start.put(ids[i], Math.max(0, cpu[i]));
            }
        }
    }

    /** The busiest live thread's CPU since {@link #start()}, or null where the JVM cannot tell. */
    Double busiestPct(long wallNanos) {
        if (!supported || wallNanos <= 0) {
            return null;
        }
        long[] ids = mx.getAllThreadIds();
        long[] cpu = mx.getThreadCpuTime(ids);
        long busiest = 0;
        for (int i = 0; i < ids.length; i++) {
            if (cpu[i] > 0) {
                busiest = Math.max(busiest, cpu[i] - start.getOrDefault(ids[i], 0L));
            }
        }
        return Math.round(busiest * 10000.0 / wallNanos) / 100.0;
    }
}
