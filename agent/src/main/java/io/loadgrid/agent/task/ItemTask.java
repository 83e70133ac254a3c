package io.loadgrid.agent.task;

/** One item, executed on the calling thread, which blocks until it is done. Records its own outcome. */
public interface ItemTask {
    void run(long index, long intendedStart);
}
