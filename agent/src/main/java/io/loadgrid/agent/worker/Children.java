package io.loadgrid.agent.worker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Worker processes a model started for a run: the sampler adds their CPU and memory to the generator's, and
 * their reports are merged into the run's tally.
 */
public final class Children {
    private final List<ProcessHandle> processes = new CopyOnWriteArrayList<>();
    private final List<WorkerReport> reports = new CopyOnWriteArrayList<>();

    public void started(ProcessHandle p) {
        processes.add(p);
    }

    public List<ProcessHandle> alive() {
        return processes.stream().filter(ProcessHandle::isAlive).toList();
    }

    public void reported(WorkerReport r) {
        reports.add(r);
    }

    public List<WorkerReport> reports() {
        return List.copyOf(reports);
    }
}
