package io.loadgrid.agent.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import java.time.Duration;

/**
 * The event-loop models' client: Vert.x's HTTP/1.1 client, one per event loop, whose connections its loop holds
 * ({@link LoopConnections}), one per in-flight request.
 */
public final class EventLoopClient {
    private EventLoopClient() {}

    /** A client whose TCP connect is bounded by {@code timeout}; its pool is unused (its loop holds connections). */
    public static HttpClientAgent create(Vertx vertx, Duration timeout) {
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        return vertx.httpClientBuilder().with(options).build();
    }
}
