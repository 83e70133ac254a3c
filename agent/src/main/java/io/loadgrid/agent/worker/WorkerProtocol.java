package io.loadgrid.agent.worker;

/**
 * The line protocol between the multiprocess model and its workers, over the worker's stdin and stdout: the parent
 * writes the job, the worker answers READY once set up, the parent writes GO (and maybe STOP), the worker answers RESULT.
 * A worker whose stdin closes (its parent died) exits at once: load never continues without its controller.
 */
public final class WorkerProtocol {
    public static final String READY = "READY";
    public static final String GO = "GO";
    public static final String RESULT = "RESULT ";
    /** Sent after GO when the user interrupts the run: finish what is in flight and report. */
    public static final String STOP = "STOP";

    private WorkerProtocol() {
    }
}
