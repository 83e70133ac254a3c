package io.loadgrid.common.metrics;

/**
 * What the generator's own processes used during a run, sampled at 1 Hz.
 *
 * @param cpuProcessPct CPU of the generator's processes in % of ONE core (can exceed 100)
 * @param cpuSystemPct  CPU of the whole machine in % of ALL cores
 * @param busiestThreadPct CPU of the agent JVM's busiest thread over the run, in % of one core (an event loop or a
 *                         sending thread at ~100% has no time left), or null where unknown
 */
public record Resources(
        AvgMax cpuProcessPct,
        AvgMax cpuSystemPct,
        AvgMax rssMb,
        int threadsMax,
        int cores,
        int samples,
        Double busiestThreadPct) {}
