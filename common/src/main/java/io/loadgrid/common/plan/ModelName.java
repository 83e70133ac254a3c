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

    /** The model a user named, or a message listing the ones that exist. */
    public static ModelName parse(String text) {
        for (ModelName m : values()) {
            if (m.key().equals(text.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a model; use one of "
                + java.util.Arrays.stream(values()).map(ModelName::key).collect(java.util.stream.Collectors.joining(", ")));
    }

    public boolean blocking() {
        return this == SYNC || this == THREADS || this == VIRTUAL;
    }
}
