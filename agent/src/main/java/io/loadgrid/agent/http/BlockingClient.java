package io.loadgrid.agent.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/**
 * The blocking client of the thread-based models: OkHttp's synchronous calls block the calling thread on socket
 * reads, as Python's requests does, and its socket factory hook lets every byte be counted at the socket.
 */
public final class BlockingClient {
    private BlockingClient() {
    }

    /** {@code timeout} bounds connecting and every wait for bytes, as the event-loop client's idle timeout does. */
    public static OkHttpClient create(int connections, Duration timeout, WireCounter wire) {
        // keep every connection a sender may use; OkHttp's default of 5 idle ones would reconnect constantly
        return new OkHttpClient.Builder()
                .socketFactory(new CountingSocketFactory(wire))
                .connectionPool(new ConnectionPool(Math.max(5, connections), 5, TimeUnit.MINUTES))
                .dispatcher(new Dispatcher())
                .protocols(java.util.List.of(Protocol.HTTP_1_1))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
    }

    public static void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
