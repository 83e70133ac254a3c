package io.loadgrid.agent.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The generator's threads, one definition for the live gauge and the final figure: the agent JVM's live platform
 * threads less the cluster member's own ({@code hz.*}), which are not the model's; the seeds counted the generator's
 * threads only. Worker JVMs add their own peaks to the final figure.
 */
public final class GeneratorThreads {
    private GeneratorThreads() {}

    /** Live generator threads of this JVM now. */
    public static int live() {
        return Math.max(1, ManagementFactory.getThreadMXBean().getThreadCount() - hazelcast());
    }

    /** Of a peak of {@code peak} live threads in this JVM, the generator's. */
    public static int ofPeak(int peak) {
        return Math.max(1, peak - hazelcast());
    }

    /** By name, without stacks: a snapshot of every thread's stack each second would pause the senders. */
    private static int hazelcast() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int n = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (t != null && t.getThreadName().startsWith("hz.")) {
                n++;
            }
        }
        return n;
    }
}
