package io.loadgrid.testbed.http;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * What an endpoint answers: status, optional content type, and either a small in-memory body (heap bytes: cheaper
 * than a pooled buffer, and nothing to release when a delayed reply's connection dies) or a streamed one.
 * {@code delayNanos} postpones the whole response on the event loop (delay endpoints, emulated latency).
 */
public record Reply(
        int status,
        HeaderLine contentType,
        byte[] body,
        BodySource stream,
        HeaderLine extraHeader,
        long delayNanos,
        boolean closeAfter) {

    private static final byte[] NO_BODY = new byte[0];

    public static Reply of(int status, HeaderLine contentType, byte[] body) {
        return new Reply(status, contentType, body, null, null, 0, false);
    }

    /** Copies the first {@code length} bytes, so the caller may reuse its array. */
    public static Reply of(int status, HeaderLine contentType, byte[] body, int length) {
        return of(status, contentType, Arrays.copyOf(body, length));
    }

    public static Reply empty(int status) {
        return of(status, null, NO_BODY);
    }

    public static Reply streamed(int status, HeaderLine contentType, BodySource stream) {
        return new Reply(status, contentType, NO_BODY, stream, null, 0, false);
    }

    public Reply withHeader(HeaderLine header) {
        return new Reply(status, contentType, body, stream, header, delayNanos, closeAfter);
    }

    public Reply delayedBy(long nanos) {
        return nanos <= 0
                ? this
                : new Reply(status, contentType, body, stream, extraHeader, delayNanos + nanos, closeAfter);
    }

    public Reply delayedByMillis(double millis) {
        return delayedBy((long) (millis * TimeUnit.MILLISECONDS.toNanos(1)));
    }

    public Reply closingConnection() {
        return new Reply(status, contentType, body, stream, extraHeader, delayNanos, true);
    }

    public long contentLength() {
        return stream != null ? stream.length() : body.length;
    }
}
