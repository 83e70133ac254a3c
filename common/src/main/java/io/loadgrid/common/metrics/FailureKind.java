package io.loadgrid.common.metrics;

import java.util.Locale;

/** Why an item failed. Failures are counted per kind, never logged per request. */
public enum FailureKind {
    /** The TCP connection could not be established (refused, unreachable, unknown host, or not within the timeout). */
    CONNECT,
    /** No complete response within the request timeout. */
    TIMEOUT,
    /** The connection broke mid-exchange (reset, closed early, malformed response). */
    RESET_IO,
    HTTP_4XX,
    HTTP_5XX;

    /** The name used in JSON, CSV and metric labels. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The failure kind of an HTTP status, or null when the status counts as success. */
    public static FailureKind ofStatus(int status) {
        if (status >= 500) {
            return HTTP_5XX;
        }
        return status >= 400 ? HTTP_4XX : null;
    }
}
