package io.loadgrid.common.plan;

import java.util.Locale;

/** The concurrency models, by the names users type. */
public enum ModelName {
    /** One thread, a blocking client. */
    SYNC,
    /** A fixed pool of N platform threads, blocking client. */
    THREADS,
    /** One virtual thread per in-flight request, at most N. */
    VIRTUAL,
    /** One event loop with N requests in flight. */
    ASYNC,
    /** Several platform threads, each with its own event loop and client. */
    HYBRID,
    /** Several worker JVMs, each running {@link #ASYNC}. */
    MULTIPROCESS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean blocking() {
        return this == SYNC || this == THREADS || this == VIRTUAL;
    }
}
