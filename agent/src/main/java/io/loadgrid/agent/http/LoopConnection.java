package io.loadgrid.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One keep-alive connection of an event loop, one request at a time, at the end of its channel's pipeline. A request
 * fails when no byte of its response arrives for the timeout (an idle timeout, as the blocking clients' read timeout;
 * {@link #bytes()} sees each read before the decoder does): one timer per connection that re-arms itself only while a
 * request is out, not a timer per request.
 */
public final class LoopConnection extends SimpleChannelInboundHandler<HttpObject> {
    /** What the response to a request brings, on the loop's thread: body pieces, then its end or a failure. */
    public interface Exchange {
        /** A piece of the body; it is released after this returns. */
        void body(ByteBuf content);

        void ended(int status);

        void failed(Throwable cause);
    }

    private final long timeoutNanos;
    private Channel channel;
    private Exchange pending;
    private int status;
    private boolean reusable = true;
    private long lastActivity;
    private boolean watching;
    /** An interim (1xx) response is being read: it is not the request's answer, which follows it. */
    private boolean interim;

    LoopConnection(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    /** Whether the connection can carry the next request: open, and its last response did not say it closes. */
    public boolean reusable() {
        return reusable && channel != null && channel.isActive();
    }

    /**
     * Sends {@code request}, a whole request's bytes, whose response is {@code exchange}'s; call on the loop, with no
     * request outstanding.
     */
    public void send(ByteBuf request, Exchange exchange) {
        pending = exchange;
        lastActivity = System.nanoTime();
        watch(timeoutNanos);
        channel.writeAndFlush(request, channel.voidPromise());
    }

    /** Closes the connection; an outstanding request fails. */
    public void close() {
        reusable = false;
        channel.close();
    }

    /** The handler to put below the decoder, at the bytes: any byte read, whole message or not, is a sign of life. */
    ChannelHandler bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                lastActivity = System.nanoTime();
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    /** Where a request's bytes are allocated: the channel's own allocator. */
    public ByteBufAllocator alloc() {
        return channel.alloc();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        Exchange exchange = pending;
        if (exchange == null) {
            // bytes with no request out: nothing of an item, and the connection can no longer be trusted to frame the
            // next response
            reusable = false;
            channel.close();
            return;
        }
        if (msg.decoderResult().isFailure()) {
            fail(msg.decoderResult().cause());
            return;
        }
        if (msg instanceof HttpResponse response) {
            int code = response.status().code();
            // 100 Continue, 103 Early Hints: skipped, as the blocking clients skip them (101 would switch protocols)
            interim = code >= 100 && code < 200 && code != 101;
            if (interim) {
                return;
            }
            status = code;
            // as a pool would evict it: the server closes a connection it said it closes, and that is seen only later
            reusable = HttpUtil.isKeepAlive(response);
        }
        if (interim) {
            interim = !(msg instanceof LastHttpContent);
            return;
        }
        if (msg instanceof HttpContent content && content.content().isReadable()) {
            exchange.body(content.content());
        }
        if (msg instanceof LastHttpContent) {
            pending = null;
            exchange.ended(status);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        reusable = false;
        fail(new IOException("the server closed the connection before the response ended"));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(cause);
    }

    private void fail(Throwable cause) {
        reusable = false;
        Exchange exchange = pending;
        pending = null;
        channel.close();
        if (exchange != null) {
            exchange.failed(cause);
        }
    }

    private void watch(long nanos) {
        if (!watching) {
            watching = true;
            channel.eventLoop().schedule(this::check, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void check() {
        watching = false;
        if (pending == null) {
            return;
        }
        if (!channel.isActive()) {
            fail(new IOException("the connection closed before the response ended"));
            return;
        }
        long idle = System.nanoTime() - lastActivity;
        if (idle >= timeoutNanos) {
            fail(new TimeoutException("no response byte for " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms"));
        } else {
            watch(timeoutNanos - idle);
        }
    }
}
