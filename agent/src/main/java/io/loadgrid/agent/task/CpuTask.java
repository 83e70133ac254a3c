package io.loadgrid.agent.task;

import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.common.workload.CpuKernel;

/** A CPU kernel as an item: identical work under every model, on whatever thread the model offers. */
public final class CpuTask implements ItemTask, AsyncItemTask {
    private final CpuKernel kernel;
    private final LiveTally tally;

    public CpuTask(CpuKernel kernel, LiveTally tally) {
        this.kernel = kernel;
        this.tally = tally;
    }

    @Override
    public void run(long index, long intendedStart) {
        tally.started();
        long sent = System.nanoTime();
        tally.result(index, kernel.compute(index));
        tally.completed(index, intendedStart, sent, System.nanoTime());
    }

    @Override
    public boolean start(long index, long intendedStart, Runnable done) {
        run(index, intendedStart);
        return true;
    }
}
