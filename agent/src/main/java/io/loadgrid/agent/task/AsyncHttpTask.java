package io.loadgrid.agent.task;

import io.loadgrid.agent.http.Failures;
import io.loadgrid.agent.http.LoopConnection;
import io.loadgrid.agent.http.LoopConnections;
import io.loadgrid.agent.http.RequestHeaders;
import io.loadgrid.agent.metrics.LiveTally;
import io.loadgrid.common.metrics.FailureKind;
import io.loadgrid.common.workload.UrlSource;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/** GET one URL on the event loop and complete when the last byte arrived: aiohttp's {@code session.get}. */
public final class AsyncHttpTask implements AsyncItemTask {
    private static final byte[] GET = "GET ".getBytes(StandardCharsets.US_ASCII);
    private final LoopConnections connections;
    private final UrlSource urls;
    private final boolean statusFails;
    private final BodySink sink;
    private final LiveTally tally;
    /** What follows the request target on every request: the version and the headers, encoded once, as wrk does. */
    private final byte[] afterTarget;
    /** The last URL and its request target: a fixed URL is the same string every time, and parsed once. */
    private String lastUrl;

    private String lastTarget;

    public AsyncHttpTask(
            LoopConnections connections, UrlSource urls, boolean statusFails, BodySink sink, LiveTally tally) {
        this.connections = connections;
        this.urls = urls;
        this.statusFails = statusFails;
        this.sink = sink;
        this.tally = tally;
        // Host after the others, where OkHttp puts it: the same bytes in the same order under every model
        StringBuilder head = new StringBuilder(" HTTP/1.1\r\n");
        RequestHeaders.COMMON.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Host: ").append(connections.hostHeader()).append("\r\n\r\n");
        this.afterTarget = head.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public boolean start(long index, long intendedStart, Runnable done) {
        String url = urls.url(index);
        if (url != lastUrl) { // identity, not equality: a new string is parsed, which is all this saves
            lastUrl = url;
            lastTarget = pathOf(url);
        }
        String target = lastTarget;
        tally.started();
        connections.take(new Item(index, intendedStart, System.nanoTime(), target, done));
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

    /** One item from taking a connection to its outcome; the lane's next item comes after it gave the connection up. */
    private final class Item implements LoopConnections.Taker, LoopConnection.Exchange {
        private final long index;
        private final long intended;
        private final long sent;
        private final String target;
        private final Runnable done;
        private LoopConnection connection;
        private ByteBuf body;

        Item(long index, long intended, long sent, String target, Runnable done) {
            this.index = index;
            this.intended = intended;
            this.sent = sent;
            this.target = target;
            this.done = done;
        }

        @Override
        public void connected(LoopConnection c) {
            connection = c;
            ByteBuf request = c.alloc().buffer(GET.length + target.length() + afterTarget.length);
            request.writeBytes(GET);
            ByteBufUtil.writeUtf8(request, target);
            request.writeBytes(afterTarget);
            c.send(request, this);
        }

        @Override
        public void unreachable(Throwable cause) {
            // whatever kept the lane from a connection (refused, unreachable, none within the timeout) is a connect
            // failure
            try {
                tally.failed(index, FailureKind.CONNECT, intended, sent);
            } finally {
                done.run();
            }
        }

        @Override
        public void body(ByteBuf content) {
            if (sink.keeps()) {
                // kept whole, so that it lands in one write even beside other processes' bodies
                body = body == null ? Unpooled.buffer(content.readableBytes()) : body;
                body.writeBytes(content, content.readerIndex(), content.readableBytes());
            }
        }

        @Override
        public void ended(int status) {
            long end = System.nanoTime();
            try {
                if (keptBody()) {
                    FailureKind kind = statusFails ? FailureKind.ofStatus(status) : null;
                    if (kind == null) {
                        tally.completed(index, intended, sent, end);
                    } else {
                        tally.failedWithResponse(index, kind, intended, sent, end);
                    }
                    // before the lane's next item, so that it takes this connection or a fresh one
                    connections.giveBack(connection);
                }
            } finally {
                // whatever happened above, the lane goes on
                done.run();
            }
        }

        /** Writes the body to the sink, if it keeps them; false when it could not, and the item failed then. */
        private boolean keptBody() {
            if (body == null) {
                return true;
            }
            ByteBuf whole = body;
            body = null;
            try {
                tally.written(index, sink.write(whole.nioBuffer()));
                return true;
            } catch (RuntimeException e) {
                connection.close();
                tally.failed(index, Failures.classify(e), intended, sent);
                return false;
            } finally {
                whole.release();
            }
        }

        @Override
        public void failed(Throwable cause) {
            if (body != null) {
                body.release();
                body = null;
            }
            try {
                tally.failed(index, Failures.classify(cause), intended, sent);
            } finally {
                done.run();
            }
        }
    }
}
