package io.loadgrid.testbed.http;

import io.loadgrid.testbed.net.ConnectionBytes;
import io.loadgrid.testbed.stats.TrafficCounters;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/**
 * Answers a connection's requests strictly in arrival order (HTTP/1.1 pipelining), even when a reply is delayed on
 * a timer or streamed: later requests wait in a backlog until the earlier reply is fully written. Also owns the
 * per-response bookkeeping (status classes, which written bytes are control traffic) and keep-alive/close.
 */
public final class ExchangeHandler extends ChannelInboundHandlerAdapter {

    /** Pipelined requests held before the socket stops being read; bounds memory per connection. */
    private static final int MAX_BACKLOG = 64;
    /** Ample for loopback and a LAN to deliver the last write before the reset. */
    private static final long RESET_AFTER_MS = 20;

    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final RequestRouter router;
    private final TrafficCounters counters;
    private final ConnectionBytes wire;
    private final ArrayDeque<Exchange> backlog = new ArrayDeque<>();
    private final ResponseStreamer streamer = new ResponseStreamer(this);
    /** The exchange whose reply is scheduled or streaming; null when idle. */
    private Exchange current;

    private boolean closing;
    private boolean reading;
    private boolean flushPending;
    private boolean draining;

    public ExchangeHandler(RequestRouter router, TrafficCounters counters, ConnectionBytes wire) {
        this.router = router;
        this.counters = counters;
        this.wire = wire;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        reading = true;
        if (msg instanceof ExpectContinue expect) {
            if (current == null && backlog.isEmpty() && !closing) {
                writeCounted(ctx, expect.control(), Unpooled.wrappedBuffer(CONTINUE));
                flush(ctx);
            }
            return;
        }
        Exchange ex = (Exchange) msg;
        if (!ex.control()) {
            counters.request(ex.wireBytesIn());
        }
        if (closing) {
            ex.release();
        } else if (current != null) {
            backlog.add(ex);
            if (backlog.size() >= MAX_BACKLOG) {
                ctx.channel().config().setAutoRead(false);
            }
        } else {
            start(ctx, ex);
        }
    }

    private void start(ChannelHandlerContext ctx, Exchange ex) {
        current = ex;
        Reply reply;
        try {
            reply = ex.rejected() ? router.rejection(ex) : router.route(ex);
        } catch (RuntimeException e) {
            reply = Reply.empty(500).closingConnection();
        }
        if (reply.delayNanos() > 0) {
            Reply delayed = reply;
            ctx.executor().schedule(() -> respond(ctx, ex, delayed), reply.delayNanos(), TimeUnit.NANOSECONDS);
        } else {
            respond(ctx, ex, reply);
        }
    }

    private void respond(ChannelHandlerContext ctx, Exchange ex, Reply reply) {
        if (!ctx.channel().isActive()) {
            ex.release();
            current = null;
            return;
        }
        boolean close = closing || !ex.keepAlive() || ex.rejected() || reply.closeAfter();
        HeaderLine connection =
                close ? HeaderLine.CONNECTION_CLOSE : ex.http10() ? HeaderLine.CONNECTION_KEEP_ALIVE : null;
        if (!ex.control()) {
            counters.response(reply.status());
        }
        wire.suppressOutbound(ex.control());
        try {
            ResponseEncoder.write(ctx, reply, ex.isHead(), connection);
        } finally {
            wire.suppressOutbound(false);
        }
        if (reply.stream() != null && !ex.isHead() && reply.stream().length() > 0) {
            streamer.start(ctx, reply.stream(), close);
        } else {
            finish(ctx, close);
        }
    }

    /** Called once the current reply is completely written. */
    void finish(ChannelHandlerContext ctx, boolean close) {
        current.release();
        current = null;
        if (close) {
            closing = true;
            releaseBacklog();
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        flush(ctx);
        if (!draining) {
            draining = true;
            while (current == null && !backlog.isEmpty()) {
                start(ctx, backlog.poll());
            }
            draining = false;
            if (backlog.isEmpty() && !ctx.channel().config().isAutoRead()) {
                ctx.channel().config().setAutoRead(true);
            }
        }
    }

    /**
     * Ends the connection with a reset (RST) in the middle of the current reply. It waits a moment after the last
     * write has gone out, so that what was written and counted reaches the client before the reset, which discards
     * whatever it finds still unsent.
     */
    void reset(ChannelHandlerContext ctx) {
        current.release();
        current = null;
        closing = true;
        releaseBacklog();
        ctx.writeAndFlush(Unpooled.EMPTY_BUFFER)
                .addListener(written -> ctx.executor()
                        .schedule(
                                () -> {
                                    if (ctx.channel().isActive()) {
                                        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
                                    }
                                    ctx.close();
                                },
                                RESET_AFTER_MS,
                                TimeUnit.MILLISECONDS));
    }

    void writeCurrent(ChannelHandlerContext ctx, Object msg) {
        writeCounted(ctx, current.control(), msg);
    }

    private void writeCounted(ChannelHandlerContext ctx, boolean control, Object msg) {
        wire.suppressOutbound(control);
        try {
            ctx.write(msg, ctx.voidPromise());
        } finally {
            wire.suppressOutbound(false);
        }
    }

    /** Inside a read burst the flush waits for channelReadComplete, so pipelined replies share one syscall. */
    private void flush(ChannelHandlerContext ctx) {
        if (reading) {
            flushPending = true;
        } else {
            ctx.flush();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        streamer.resume(ctx);
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closing = true;
        releaseBacklog();
        if (streamer.abort() && current != null) {
            current.release();
            current = null;
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // resets and broken pipes are the client's business; a load generator causes plenty of them
        ctx.close();
    }

    private void releaseBacklog() {
        Exchange ex;
        while ((ex = backlog.poll()) != null) {
            ex.release();
        }
    }
}
