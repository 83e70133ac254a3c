package io.loadgrid.agent.model;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target that answers each request after a fixed delay and records, per arrival, when it came (ms from the clock's
 * start) and how many requests were in it at once then, counting itself: what a load shape looks like from the
 * server's side.
 */
final class ArrivalTarget implements AutoCloseable {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong t0 = new AtomicLong();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final HttpServer server;

    ArrivalTarget(long delayMs) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(pool);
        server.createContext("/", exchange -> {
            arrivals.add(new long[] {(System.nanoTime() - t0.get()) / 1_000_000, inFlight.incrementAndGet()});
            try {
                Thread.sleep(delayMs);
                byte[] body = "ok".getBytes(StandardCharsets.US_ASCII);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    /** A URL template under {@code path} on this target. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path + "/{i}";
    }

    /** Arrival times count from now: call it at the run's start instant. */
    void startClock() {
        t0.set(System.nanoTime());
    }

    /** Every arrival so far: {ms since the clock's start, requests in the target at once}. */
    List<long[]> arrivals() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
