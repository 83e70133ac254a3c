package io.loadgrid.agent.task;

import io.loadgrid.agent.http.Failures;
import io.loadgrid.agent.http.LoopConnections;
import io.loadgrid.agent.http.RequestHeaders;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.workload.UrlSource;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/** GET one URL on the event loop and complete when the last byte arrived: aiohttp's {@code session.get}. */
public final class AsyncHttpTask implements AsyncItemTask {
    private final LoopConnections connections;
    private final UrlSource urls;
    private final String host;
    private final int port;
    private final boolean statusFails;
    private final BodySink sink;
    private final LiveTally tally;
    private final long timeoutMs;
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();

    public AsyncHttpTask(
            LoopConnections connections,
            UrlSource urls,
            boolean statusFails,
            BodySink sink,
            LiveTally tally,
            long timeoutMs) {
        this.connections = connections;
        this.urls = urls;
        this.host = connections.host();
        this.port = connections.port();
        this.statusFails = statusFails;
        this.sink = sink;
        this.tally = tally;
        this.timeoutMs = timeoutMs;
        RequestHeaders.COMMON.forEach(headers::add);
    }

    @Override
    public boolean start(long index, long intendedStart, Runnable done) {
        String url = urls.url(index);
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(host)
                .setPort(port)
                .setURI(pathOf(url))
                .setHeaders(headers)
                .setIdleTimeout(timeoutMs);
        tally.started();
        long sent = System.nanoTime();
        connections
                .take()
                // whatever kept the lane from a connection (refused, unreachable, none within the timeout) is a
                // connect failure
                .recover(e -> Future.failedFuture(Failures.connecting(e)))
                .compose(conn -> conn.http()
                        .request(options)
                        .compose(request -> request.send())
                        .compose(response -> receive(index, response).map(v -> {
                            record(index, response.statusCode(), intendedStart, sent, System.nanoTime());
                            return reusable(response);
                        }))
                        .andThen(ar -> {
                            // before the lane's next item, so that it takes this connection or a fresh one
                            if (ar.succeeded() && ar.result()) {
                                connections.giveBack(conn);
                            } else {
                                connections.discard(conn);
                            }
                        }))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        tally.failed(index, Failures.classify(ar.cause()), intendedStart, sent);
                    }
                    done.run();
                });
        return false;
    }

    /**
     * The request target of an absolute URL of the source's one origin (path and query, no fragment), as the URL
     * parser would give it, without parsing the URL per request.
     */
    static String pathOf(String url) {
        int authority = url.indexOf("://") + 3;
        int end = url.indexOf('#', authority);
        end = end < 0 ? url.length() : end;
        int start = authority;
        while (start < end && url.charAt(start) != '/' && url.charAt(start) != '?') {
            start++;
        }
        String target = url.substring(start, end);
        return target.isEmpty() || target.charAt(0) == '?' ? "/" + target : target;
    }

    /**
     * Whether the connection may carry the next request: not when the server said it closes it (it is closing it
     * now, and its close is seen only later), as a pool would evict it.
     */
    private static boolean reusable(HttpClientResponse response) {
        String connection = response.getHeader("Connection");
        return response.version() == HttpVersion.HTTP_1_0
                ? "keep-alive".equalsIgnoreCase(connection)
                : !"close".equalsIgnoreCase(connection);
    }

    private Future<Void> receive(long index, HttpClientResponse response) {
        if (sink.keeps()) {
            return response.body().map(body -> {
                tally.written(index, sink.write(java.nio.ByteBuffer.wrap(body.getBytes())));
                return null;
            });
        }
        response.handler(chunk -> {});
        return response.end();
    }

    private void record(long index, int status, long intended, long sent, long end) {
        FailureKind kind = statusFails ? FailureKind.ofStatus(status) : null;
        if (kind == null) {
            tally.completed(index, intended, sent, end);
        } else {
            tally.failedWithResponse(index, kind, intended, sent, end);
        }
    }
}
