package io.loadgrid.testbed.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;

/** Pumps a {@link BodySource} into the socket only while it is writable, so a 100 MiB body never piles up. */
final class ResponseStreamer {

    private final ExchangeHandler owner;
    private BodySource source;
    private boolean closeAfter;

    ResponseStreamer(ExchangeHandler owner) {
        this.owner = owner;
    }

    void start(ChannelHandlerContext ctx, BodySource body, boolean close) {
        source = body;
        closeAfter = close;
        pump(ctx);
    }

    void resume(ChannelHandlerContext ctx) {
        if (source != null && ctx.channel().isWritable()) {
            pump(ctx);
        }
    }

    /** Drops the stream of a closed connection; true if one was active. */
    boolean abort() {
        boolean active = source != null;
        source = null;
        return active;
    }

    private void pump(ChannelHandlerContext ctx) {
        while (ctx.channel().isWritable()) {
            ByteBuf piece = source.next(ctx.alloc());
            if (piece == null) {
                boolean reset = source.resets();
                source = null;
                if (reset) {
                    owner.reset(ctx);
                } else {
                    owner.finish(ctx, closeAfter);
                }
                return;
            }
            owner.writeCurrent(ctx, piece);
        }
        ctx.flush(); // the socket drains, writability returns, channelWritabilityChanged resumes us
    }
}
