package io.loadgrid.agent.task;

import io.loadgrid.agent.http.Failures;
import io.loadgrid.agent.http.RequestHeaders;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.workload.UrlSource;
import java.io.IOException;
import java.nio.ByteBuffer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Okio;

/** GET one URL with the blocking client, read the whole body, hand it to the sink: Python's {@code requests.get}. */
public final class BlockingHttpTask implements ItemTask {
    private static final Headers HEADERS = Headers.of(RequestHeaders.COMMON);
    private final OkHttpClient client;
    private final UrlSource urls;
    private final boolean statusFails;
    private final BodySink sink;
    private final LiveTally tally;

    public BlockingHttpTask(OkHttpClient client, UrlSource urls, boolean statusFails, BodySink sink, LiveTally tally) {
        this.client = client;
        this.urls = urls;
        this.statusFails = statusFails;
        this.sink = sink;
        this.tally = tally;
    }

    @Override
    public void run(long index, long intendedStart) {
        Request request =
                new Request.Builder().url(urls.url(index)).headers(HEADERS).build();
        tally.started();
        long sent = System.nanoTime();
        try (Response response = client.newCall(request).execute()) {
            if (sink.keeps()) {
                tally.written(index, sink.write(ByteBuffer.wrap(response.body().bytes())));
            } else {
                response.body().source().readAll(Okio.blackhole());
            }
            long end = System.nanoTime();
            FailureKind kind = statusFails ? FailureKind.ofStatus(response.code()) : null;
            if (kind == null) {
                tally.completed(index, intendedStart, sent, end);
            } else {
                tally.failedWithResponse(index, kind, intendedStart, sent, end);
            }
        } catch (IOException | RuntimeException e) {
            tally.failed(index, Failures.classify(e), intendedStart, sent);
        }
    }
}
