package io.loadgrid.agent.http;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientConnection;
import io.vertx.core.http.HttpConnectOptions;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One event loop's keep-alive connections to the target, a request at a time on each: a lane takes an idle one (or
 * opens one) and gives it back once its response has ended. Vert.x's pool would do the same at the cost of a new
 * context, a lease and a queue entry per request (a fifth of an event loop's time at 25k requests/s, by profile);
 * here it is a stack. Only the loop's own thread touches it.
 */
public final class LoopConnections {
    private final HttpClientAgent client;
    private final HttpConnectOptions target;
    private final WireTap tap;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();

    /** A connection and whether the server (or a failure) has closed it. */
    public static final class Connection {
        private final HttpClientConnection http;
        private boolean closed;

        private Connection(HttpClientConnection http) {
            this.http = http;
            http.closeHandler(v -> closed = true);
        }

        public HttpClientConnection http() {
            return http;
        }
    }

    /**
     * Connections of {@code client} to {@code base}, an origin as {@code UrlSource.base()} gives it ({@code
     * http://host:port}), each counted by {@code tap}
     * (a client's connect handler is not called for the connections it is asked to make).
     */
    public LoopConnections(HttpClientAgent client, String base, WireTap tap) {
        URI uri = URI.create(base);
        this.client = client;
        this.tap = tap;
        this.target = new HttpConnectOptions().setHost(uri.getHost()).setPort(uri.getPort());
    }

    /** The host every request's head names, as its connections reach it. */
    public String host() {
        return target.getHost();
    }

    public int port() {
        return target.getPort();
    }

    /** An idle connection, or a new one; a failure to connect fails the future. */
    public Future<Connection> take() {
        for (Connection c = idle.pollFirst(); c != null; c = idle.pollFirst()) {
            if (!c.closed) {
                return Future.succeededFuture(c);
            }
        }
        return connect();
    }

    private Future<Connection> connect() {
        return client.connect(target).map(http -> {
            tap.attach(http);
            return new Connection(http);
        });
    }

    /** A connection whose response has ended, for the next request; one the server closed is dropped. */
    public void giveBack(Connection c) {
        if (!c.closed) {
            idle.push(c);
        }
    }

    /** A connection whose request failed: it is closed rather than reused in an unknown state. */
    public void discard(Connection c) {
        c.closed = true;
        c.http.close();
    }

    /**
     * Opens {@code n} connections and leaves them idle, so that the first items measure the target, not handshakes.
     * One that fails to open is left out: its lane connects when it sends, and a failure then is the item's.
     */
    public Future<Void> open(int n) {
        List<Future<Connection>> opening = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            opening.add(connect());
        }
        return Future.join(opening).transform(all -> {
            for (Future<Connection> f : opening) {
                if (f.succeeded()) {
                    idle.push(f.result());
                }
            }
            return Future.succeededFuture();
        });
    }
}
