package io.loadgrid.testbed.http;

import io.netty.handler.codec.http.HttpMethod;

/**
 * A parsed request line and header section. {@code error} is non-zero when the head is unacceptable, and is then
 * the status to answer with (400 malformed, 505 wrong version); the other fields may be partial.
 *
 * @param contentLength declared body length, -1 when absent
 */
record RequestHead(
        HttpMethod method,
        String uri,
        boolean http10,
        HeaderFields headers,
        long contentLength,
        boolean chunked,
        boolean keepAlive,
        boolean expectContinue,
        int error) {

    static RequestHead failed(int status) {
        return new RequestHead(HttpMethod.GET, "/", false, new HeaderFields(), -1, false, false, false, status);
    }
}
