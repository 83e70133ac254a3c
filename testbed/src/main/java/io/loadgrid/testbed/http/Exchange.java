package io.loadgrid.testbed.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;

/**
 * One complete request (head and aggregated body) as the endpoints see it, or a request the decoder rejected, in
 * which case {@link #rejectedStatus()} is the error to answer with. Owns {@link #body()} until {@link #release()}.
 */
public final class Exchange {

    private final HttpMethod method;
    private final String uri;
    private final HeaderFields headers;
    private final ByteBuf body;
    private final boolean keepAlive;
    private final boolean http10;
    private final ClientAddress client;
    private final long wireBytesIn;
    private final boolean control;
    private final int rejectedStatus;
    private final String path;
    private final String query;

    Exchange(
            HttpMethod method,
            String uri,
            RequestTarget target,
            HeaderFields headers,
            ByteBuf body,
            boolean keepAlive,
            boolean http10,
            ClientAddress client,
            long wireBytesIn,
            boolean control,
            int rejectedStatus) {
        this.method = method;
        this.uri = uri;
        this.path = target.path();
        this.query = target.query();
        this.headers = headers;
        this.body = body == null ? Unpooled.EMPTY_BUFFER : body;
        this.keepAlive = keepAlive;
        this.http10 = http10;
        this.client = client;
        this.wireBytesIn = wireBytesIn;
        this.control = control;
        this.rejectedStatus = rejectedStatus;
    }

    public HttpMethod method() {
        return method;
    }

    public boolean isHead() {
        return method == HttpMethod.HEAD;
    }

    /** The request-target exactly as sent. */
    public String uri() {
        return uri;
    }

    /** Percent-encoded path, without query. */
    public String path() {
        return path;
    }

    /** Raw query string without the '?', or null when the request has none. */
    public String query() {
        return query;
    }

    public HeaderFields headers() {
        return headers;
    }

    public ByteBuf body() {
        return body;
    }

    public byte[] bodyBytes() {
        return ByteBufUtil.getBytes(body);
    }

    public boolean keepAlive() {
        return keepAlive;
    }

    boolean http10() {
        return http10;
    }

    public String origin() {
        return client.ip();
    }

    /** The URL the client asked for, as httpbin reports it: scheme, Host header, request-target. */
    public String url() {
        if (!uri.startsWith("/")) {
            return uri; // absolute-form already carries scheme and authority
        }
        String host = headers.get("host");
        return "http://" + (host != null ? host : client.localAuthority()) + uri;
    }

    public long wireBytesIn() {
        return wireBytesIn;
    }

    /** Control requests (/stats, /metrics) are kept out of every counter. */
    public boolean control() {
        return control;
    }

    public boolean rejected() {
        return rejectedStatus != 0;
    }

    public int rejectedStatus() {
        return rejectedStatus;
    }

    public void release() {
        body.release();
    }
}
