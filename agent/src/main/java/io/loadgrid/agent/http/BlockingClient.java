package io.loadgrid.agent.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;

/**
 * The blocking client of the thread-based models: OkHttp's synchronous calls block the calling thread on socket
 * reads, as Python's requests does, and its socket factory hook lets every byte be counted at the socket.
 */
public final class BlockingClient {
    private BlockingClient() {}

    /** {@code timeout} bounds connecting and every wait for bytes, as the event-loop client's idle timeout does. */
    public static OkHttpClient create(int connections, Duration timeout, WireCounter wire) {
        // keep every connection a sender may use; OkHttp's default of 5 idle ones would reconnect constantly
        return new OkHttpClient.Builder()
                .socketFactory(new CountingSocketFactory(wire))
                .connectionPool(new ConnectionPool(Math.max(5, connections), 5, TimeUnit.MINUTES))
                .dispatcher(new Dispatcher())
                // straight to the target, as the event-loop client goes: a system proxy would measure itself
                .proxy(Proxy.NO_PROXY)
                .protocols(java.util.List.of(Protocol.HTTP_1_1))
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .addNetworkInterceptor(BlockingClient::noInvitedRetry)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .build();
    }

    /**
     * OkHttp sends a request again, once, when a 503 says {@code Retry-After: 0}, whatever retryOnConnectionFailure
     * says; one item must be one request. Below the retry logic, the header is taken off such an answer.
     */
    private static Response noInvitedRetry(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        return response.code() == 503 && response.header("Retry-After") != null
                ? response.newBuilder().removeHeader("Retry-After").build()
                : response;
    }

    /**
     * Opens {@code n} connections to {@code base} before the first call, within the connect timeout, on the address
     * OkHttp's own lookup gives first (the route it tries first). A host that does not resolve opens none: every item
     * then says why.
     */
    public static void open(OkHttpClient client, String base, int n) throws InterruptedException {
        HttpUrl url = HttpUrl.get(base);
        InetSocketAddress remote;
        try {
            remote = new InetSocketAddress(client.dns().lookup(url.host()).get(0), url.port());
        } catch (UnknownHostException e) {
            return;
        }
        sockets(client).open(remote, n, client.connectTimeoutMillis());
    }

    public static void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
        sockets(client).close();
    }

    private static CountingSocketFactory sockets(OkHttpClient client) {
        return (CountingSocketFactory) client.socketFactory();
    }
}
