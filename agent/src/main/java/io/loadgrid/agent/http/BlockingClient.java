package io.loadgrid.agent.http;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;

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
                ? response.newBuilder().removeHeader("Retry-After").build() : response;
    }

    public static void close(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
