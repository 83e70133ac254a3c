package io.loadgrid.agent.model;

import io.loadgrid.agent.feed.Items;
import io.loadgrid.common.profile.Pacer;

/**
 * A concurrency model: how an agent keeps items in flight. One small class per model; every one passes the same
 * contract test suite, so their numbers mean the same thing.
 */
public interface Model extends AutoCloseable {

    /** Creates threads, loops, clients or worker processes before the clock starts, so that set-up is not load. */
    default void prepare() throws Exception {}

    /** Whether this JVM's own threads send (false when worker processes do, and warm themselves up). */
    default boolean sendsHere() {
        return true;
    }

    /** Runs every item of {@code items} at the pace of {@code pacer}; returns when the last one completed. */
    void drive(Items items, Pacer pacer) throws Exception;

    /** Asks work running outside this JVM to stop handing out items; the local items stop through {@code Items}. */
    default void stop() {}

    @Override
    default void close() throws Exception {}
}
