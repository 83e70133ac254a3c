package io.loadgrid.agent.metrics;

import java.lang.management.ManagementFactory;

/**
 * The generator's threads, one definition for the live gauge and the final figure: the agent JVM's live platform
 * threads less the cluster member's own ({@code hz.*}), which are not the model's; the seeds counted the generator's
 * threads only. Worker JVMs add their own peaks to the final figure.
 */
public final class GeneratorThreads {
    private GeneratorThreads() {
    }

    /** Live generator threads of this JVM now. */
    public static int live() {
        return Math.max(1, ManagementFactory.getThreadMXBean().getThreadCount() - hazelcast());
    }

    /** Of a peak of {@code peak} live threads in this JVM, the generator's. */
    public static int ofPeak(int peak) {
        return Math.max(1, peak - hazelcast());
    }

    private static int hazelcast() {
        return (int) Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("hz.")).count();
    }
}
