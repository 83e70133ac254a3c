package io.loadgrid.agent.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.impl.UnpooledHttpClientConnection;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Counts the event-loop client's wire bytes with a handler at the socket end of each connection's pipeline, below
 * the HTTP codec: the event-loop counterpart of {@link CountingSocket}. (Vert.x's metrics SPI reports decoded
 * content sizes, not wire bytes, so it cannot serve here.)
 */
@ChannelHandler.Sharable
public final class WireTap extends ChannelDuplexHandler {
    private static final String NAME = "loadgrid-wire-tap";
    private final WireCounter counter;

    public WireTap(WireCounter counter) {
        this.counter = counter;
    }

    /** Installs the tap on a connection the client just opened, before any request is written on it. */
    public void attach(HttpConnection connection) {
        // a connection the client was asked for comes wrapped; the pool's are its own
        HttpConnection inner =
                connection instanceof UnpooledHttpClientConnection unpooled ? unpooled.unwrap() : connection;
        if (!(inner instanceof ConnectionBase base)) {
            throw new IllegalStateException(
                    "cannot count wire bytes of " + connection.getClass().getName());
        }
        if (base.channel().pipeline().get(NAME) == null) {
            base.channel().pipeline().addFirst(NAME, this);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        counter.received(size(msg));
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        counter.sent(size(msg));
        ctx.write(msg, promise);
    }

    private static long size(Object msg) {
        if (msg instanceof ByteBuf buf) {
            return buf.readableBytes();
        }
        return msg instanceof ByteBufHolder holder ? holder.content().readableBytes() : 0;
    }
}
