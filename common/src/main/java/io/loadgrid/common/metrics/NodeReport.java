package io.loadgrid.common.metrics;

/**
 * An agent's final account of a run: what only the node knows (its wire bytes, wall time, resources). Its items,
 * failures and latencies are in the chunks it committed.
 *
 * @param wallNanos   the common start instant to this node's last completed item
 * @param duplicates  chunks this node ran whose results another node had already committed (discarded)
 * @param error       why the node did not finish, or null
 */
public record NodeReport(
        String node,
        String address,
        String host,
        long wallNanos,
        long bytesUp,
        long bytesDown,
        Resources resources,
        long duplicates,
        String error) {}
