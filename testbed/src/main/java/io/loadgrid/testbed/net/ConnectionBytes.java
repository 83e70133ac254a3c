package io.loadgrid.testbed.net;

import io.loadgrid.testbed.stats.TrafficCounters;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;

/**
 * First handler of every connection: sees the raw bytes exactly as they cross the socket, before any decoding and
 * after all encoding, so {@code bytes_in}/{@code bytes_out} match what a client counts on its side.
 *
 * <p>Inbound bytes are held until the HTTP layer claims them for the request they completed, because only then is it
 * known whether that request is a control request whose traffic must not be counted. Outbound bytes are counted as
 * they are written unless the HTTP layer is in the middle of writing a control response.
 */
public final class ConnectionBytes extends ChannelDuplexHandler {

    private final TrafficCounters counters;
    private long unclaimedIn;
    private boolean suppressOut;

    public ConnectionBytes(TrafficCounters counters) {
        this.counters = counters;
    }

    /** Bytes read since the previous call: they belong to the request that was just decoded. */
    public long claimInbound() {
        long n = unclaimedIn;
        unclaimedIn = 0;
        return n;
    }

    /** While set, written bytes belong to an uncounted (control) response. Event-loop only. */
    public void suppressOutbound(boolean suppress) {
        suppressOut = suppress;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            unclaimedIn += buf.readableBytes();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!suppressOut && msg instanceof ByteBuf buf) {
            counters.bytesOut(buf.readableBytes());
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // a request the client never finished still put these bytes on the wire
        counters.strayBytesIn(claimInbound());
        ctx.fireChannelInactive();
    }
}
