package io.loadgrid.testbed;

import io.loadgrid.common.metrics.TargetCounts;
import io.loadgrid.testbed.endpoints.Routes;
import io.loadgrid.testbed.http.TargetChannelInitializer;
import io.loadgrid.testbed.net.AcceptCounter;
import io.loadgrid.testbed.net.Transport;
import io.loadgrid.testbed.stats.TrafficCounters;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * The httpbin-compatible HTTP/1.1 server that load runs are aimed at. Start it with {@link #start}, point clients
 * at {@link #port()}, read {@link #stats()}, {@link #close()} it when done.
 */
public final class TargetServer implements AutoCloseable {

    private final EventLoopGroup group;
    private final Channel listener;
    private final TrafficCounters counters;

    private TargetServer(EventLoopGroup group, Channel listener, TrafficCounters counters) {
        this.group = group;
        this.listener = listener;
        this.counters = counters;
    }

    /**
     * Binds and returns once the socket is listening.
     *
     * @throws UncheckedIOException wrapping a {@link BindException} when the address cannot be bound (port in use,
     *                              address not local) or another {@link IOException}
     */
    public static TargetServer start(TargetConfig cfg) {
        InetSocketAddress address = new InetSocketAddress(cfg.host(), cfg.port());
        if (address.isUnresolved()) {
            throw new UncheckedIOException(new BindException("cannot resolve host '" + cfg.host() + "'"));
        }
        Transport transport = Transport.best();
        EventLoopGroup group = transport.newGroup(cfg.ioThreads());
        TrafficCounters counters = new TrafficCounters();
        // classic pooling with thread-local caches measured cheaper per request than 4.2's adaptive default
        ByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .option(ChannelOption.SO_REUSEADDR, true)
                .handler(new AcceptCounter(counters))
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, alloc)
                .childHandler(new TargetChannelInitializer(
                        counters, new Routes(cfg.latencyMs(), counters), cfg.maxBodyBytes()));
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            group.shutdownGracefully(0, 0, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
            throw new UncheckedIOException(bindFailure(address, bound.cause()));
        }
        return new TargetServer(group, bound.channel(), counters);
    }

    private static IOException bindFailure(InetSocketAddress address, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        // epoll reports "bind(..) failed: Address already in use"; keep only the OS's words
        int colon = reason.lastIndexOf(": ");
        String detail = colon >= 0 ? reason.substring(colon + 2) : reason;
        BindException e = new BindException(
                "cannot listen on " + address.getHostString() + ":" + address.getPort() + ": " + detail);
        e.initCause(cause);
        return e;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public TargetCounts stats() {
        return counters.snapshot();
    }

    /** Responses sent in a status class: 2 for 2xx .. 5 for 5xx. */
    public long responses(int statusClass) {
        return counters.responses(statusClass - 1);
    }

    /** TCP connections accepted since start (or the last reset), a control client's included. */
    public long connections() {
        return counters.connections();
    }

    /** Blocks until {@link #close()} is called from another thread. */
    public void awaitClose() {
        listener.closeFuture().awaitUninterruptibly();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
