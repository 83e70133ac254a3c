package io.loadgrid.agent.task;

import io.loadgrid.agent.http.Failures;
import io.loadgrid.agent.http.RequestHeaders;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.workload.UrlSource;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** GET one URL on the event loop and complete when the last byte arrived: aiohttp's {@code session.get}. */
public final class AsyncHttpTask implements AsyncItemTask {
    private final HttpClient client;
    private final UrlSource urls;
    private final boolean statusFails;
    private final BodySink sink;
    private final LiveTally tally;
    private final long timeoutMs;
    private final MultiMap headers = MultiMap.caseInsensitiveMultiMap();

    public AsyncHttpTask(
            HttpClient client, UrlSource urls, boolean statusFails, BodySink sink, LiveTally tally, long timeoutMs) {
        this.client = client;
        this.urls = urls;
        this.statusFails = statusFails;
        this.sink = sink;
        this.tally = tally;
        this.timeoutMs = timeoutMs;
        RequestHeaders.COMMON.forEach(headers::add);
    }

    @Override
    public boolean start(long index, long intendedStart, Runnable done) {
        // no per-request connect timeout: in Vert.x 5.2 it arms a pool timer that outlives the request (holding a
        // context and the pool's waiter for its whole length); the client's own connect timeout bounds the connect
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(urls.url(index))
                .setHeaders(headers)
                .setIdleTimeout(timeoutMs);
        tally.started();
        long sent = System.nanoTime();
        client.request(options)
                // whatever kept the client from a connection (refused, unreachable, none within the timeout) is a
                // connect failure
                .compose(request -> request.send(), e -> Future.failedFuture(Failures.connecting(e)))
                .compose(response -> receive(index, response).map(v -> {
                    record(index, response.statusCode(), intendedStart, sent, System.nanoTime());
                    return v;
                }))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        tally.failed(index, Failures.classify(ar.cause()), intendedStart, sent);
                    }
                    done.run();
                });
        return false;
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
