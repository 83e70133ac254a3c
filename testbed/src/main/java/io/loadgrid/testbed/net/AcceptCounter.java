package io.loadgrid.testbed.net;

import io.loadgrid.testbed.stats.TrafficCounters;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Counts connections where they are accepted, on the listening channel: each one is counted before any request on
 * it, or on a connection accepted after it, can be answered.
 */
@ChannelHandler.Sharable
public final class AcceptCounter extends ChannelInboundHandlerAdapter {
    private final TrafficCounters counters;

    public AcceptCounter(TrafficCounters counters) {
        this.counters = counters;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object accepted) {
        counters.connection();
        ctx.fireChannelRead(accepted);
    }
}
