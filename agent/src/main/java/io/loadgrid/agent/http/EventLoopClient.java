package io.loadgrid.agent.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The event-loop models' client: Vert.x's HTTP/1.1 client, one per event loop, with a connection per in-flight request.
 */
public final class EventLoopClient {
    private EventLoopClient() {}

    public static HttpClient create(Vertx vertx, int connections, Duration timeout, WireCounter wire) {
        HttpClientOptions options = new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setPipelining(false)
                .setTcpNoDelay(true)
                .setDecompressionSupported(false)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        WireTap tap = new WireTap(wire);
        return vertx.httpClientBuilder()
                .with(options)
                .with(new PoolOptions()
                        .setHttp1MaxSize(Math.max(1, connections))
                        .setMaxWaitQueueSize(-1))
                .withConnectHandler(tap::attach)
                .build();
    }

    /**
     * Opens {@code n} connections to {@code base} and leaves them idle in {@code client}'s pool; call it on the context
     * that will send. Each is taken for a request that is never written, and all are held until every one is open, so
     * the pool makes {@code n} of them; a request reset before its head is written gives its connection back open.
     * One that fails to open is left out: its lane connects when it sends, and a failure then is the item's.
     */
    public static Future<Void> open(HttpClient client, String base, int n) {
        RequestOptions options = new RequestOptions().setAbsoluteURI(base);
        List<Future<HttpClientRequest>> held = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            held.add(client.request(options));
        }
        return Future.join(held).transform(all -> {
            for (Future<HttpClientRequest> h : held) {
                if (h.succeeded()) {
                    // the reset is the point, not a failure to report
                    h.result().exceptionHandler(e -> {}).reset();
                }
            }
            return Future.succeededFuture();
        });
    }
}
