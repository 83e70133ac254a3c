package io.loadgrid.agent.worker;

/**
 * The line protocol between the multiprocess model and its workers, over the worker's stdin and stdout: the parent
 * writes the job, the worker answers READY once set up; from then on the parent passes chunks (CHUNK, then END when
 * there are no more), already before it writes GO with the start instant (and maybe STOP); the worker answers
 * COMMIT with each chunk's result, or BACK for one it never started, and RESULT at the end.
 * A worker whose stdin closes (its parent died) exits at once: load never continues without its controller.
 */
public final class WorkerProtocol {
    public static final String READY = "READY";
    /** Followed by the start instant in nanoTime, which every process on the host shares. */
    public static final String GO = "GO ";
    public static final String RESULT = "RESULT ";
    /** Sent after GO when the user interrupts the run: finish what is in flight and report. */
    public static final String STOP = "STOP";
    /** Parent to worker: a {@code Chunk} as JSON. */
    public static final String CHUNK = "CHUNK ";
    /** Parent to worker: no more chunks. */
    public static final String END = "END";
    /** Worker to parent: a {@link ChunkDone} as JSON. */
    public static final String COMMIT = "COMMIT ";
    /** Worker to parent: a {@code Chunk} it was given but did not start. */
    public static final String BACK = "BACK ";

    private WorkerProtocol() {
    }
}
