package io.loadgrid.agent.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * One event loop's keep-alive connections to the target, a request at a time on each: a lane takes an idle one (or
 * opens one) and gives it back once its response has ended. Each is a Netty channel on the loop with Netty's response
 * decoder and nothing else: Vert.x's client spent three quarters of the loop on its streams, futures and queues around
 * the codec, by profile. Only the loop's own thread touches this.
 */
public final class LoopConnections {
    /** Who asked for a connection: given one, or told why there is none. */
    public interface Taker {
        void connected(LoopConnection connection);

        void unreachable(Throwable cause);
    }

    private final Bootstrap bootstrap;
    private final String host;
    private final int port;
    private final InetSocketAddress address;
    private final ArrayDeque<LoopConnection> idle = new ArrayDeque<>();

    /**
     * Connections on {@code loop} to {@code base}, an origin as {@code UrlSource.base()} gives it ({@code
     * http://host:port}); {@code timeout} bounds the connect and each response's silences; {@code tap} counts the
     * wire bytes below the codec.
     */
    public LoopConnections(
            EventLoop loop, ChannelFactory<? extends Channel> channels, String base, Duration timeout, WireTap tap) {
        URI uri = URI.create(base);
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 80 : uri.getPort();
        // looked up once, here, for every connection: Netty's default resolver would block the loop on each lookup;
        // a name that does not resolve is looked up again per connection, and fails each item as a connect failure
        this.address = new InetSocketAddress(host, port);
        long timeoutNanos = timeout.toNanos();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channelFactory(channels)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(
                        ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        // 0 would mean none: a sub-millisecond timeout is one millisecond
                        (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())))
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        LoopConnection connection = new LoopConnection(timeoutNanos);
                        ch.pipeline()
                                .addLast(tap)
                                .addLast(connection.bytes())
                                // requests go out as bytes (only GETs, so no HEAD to tell the decoder of); the
                                // response's headers are read, not checked: the client is not the target's judge
                                .addLast(new HttpResponseDecoder(new HttpDecoderConfig().setValidateHeaders(false)))
                                .addLast(connection);
                    }
                });
    }

    /** The Host header every request names: the port only when it is not HTTP's own, as other clients write it. */
    public String hostHeader() {
        return port == 80 ? host : host + ":" + port;
    }

    /** Hands {@code taker} an idle connection at once, or a new one when it is open. */
    public void take(Taker taker) {
        for (LoopConnection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (c.reusable()) {
                taker.connected(c);
                return;
            }
        }
        connect().addListener((ChannelFuture f) -> {
            if (f.isSuccess()) {
                taker.connected(f.channel().pipeline().get(LoopConnection.class));
            } else {
                taker.unreachable(f.cause());
            }
        });
    }

    private ChannelFuture connect() {
        return address.isUnresolved() ? bootstrap.connect(host, port) : bootstrap.connect(address);
    }

    /** A connection whose response has ended, for the next request; one that cannot carry it is closed. */
    public void giveBack(LoopConnection c) {
        if (c.reusable()) {
            idle.push(c);
        } else {
            c.close();
        }
    }

    /**
     * Opens {@code n} connections, leaves them idle and runs {@code done} when every attempt has ended, so that the
     * first items measure the target, not handshakes. One that fails to open is left out: its lane connects when it
     * sends, and a failure then is the item's.
     */
    public void open(int n, Runnable done) {
        if (n == 0) {
            done.run();
            return;
        }
        int[] left = {n};
        for (int i = 0; i < n; i++) {
            connect().addListener((ChannelFuture f) -> {
                if (f.isSuccess()) {
                    idle.push(f.channel().pipeline().get(LoopConnection.class));
                }
                if (--left[0] == 0) {
                    done.run();
                }
            });
        }
    }
}
