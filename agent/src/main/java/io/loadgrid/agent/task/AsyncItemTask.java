package io.loadgrid.agent.task;

/** One item started on an event loop. Records its own outcome. */
public interface AsyncItemTask {
    /**
     * Starts item {@code index}. Returns true when it already completed (CPU work runs inline, as a coroutine without
     * an await does); otherwise returns false and calls {@code done} on the event loop when it completes.
     */
    boolean start(long index, long intendedStart, Runnable done);
}
