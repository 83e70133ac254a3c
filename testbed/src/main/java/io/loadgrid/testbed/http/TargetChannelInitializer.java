package io.loadgrid.testbed.http;

import io.loadgrid.testbed.net.ConnectionBytes;
import io.loadgrid.testbed.stats.TrafficCounters;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;

/**
 * Per-connection pipeline: wire byte counter (must stay first: it sees raw socket bytes), request decoder,
 * in-order responder. Responses are encoded by the responder itself, so no encoder sits here.
 */
public final class TargetChannelInitializer extends ChannelInitializer<Channel> {

    /** Longest accepted request line; longer ones are answered 414. */
    public static final int MAX_REQUEST_LINE = 8192;
    /** Largest accepted header section; larger ones are answered 431. */
    public static final int MAX_HEADER_BYTES = 8192;

    private final TrafficCounters counters;
    private final RequestRouter router;
    private final int maxBody;

    public TargetChannelInitializer(TrafficCounters counters, RequestRouter router, int maxBody) {
        this.counters = counters;
        this.router = router;
        this.maxBody = maxBody;
    }

    @Override
    protected void initChannel(Channel ch) {
        ConnectionBytes wire = new ConnectionBytes(counters);
        ch.pipeline()
                .addLast(
                        wire,
                        new RequestDecoder(wire, maxBody, MAX_REQUEST_LINE, MAX_HEADER_BYTES, router::isControl),
                        new ExchangeHandler(router, counters, wire));
    }
}
