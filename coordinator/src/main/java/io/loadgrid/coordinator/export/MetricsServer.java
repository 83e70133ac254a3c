package io.loadgrid.coordinator.export;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The coordinator's HTTP endpoint: {@code /metrics} in the format the scraper asks for (Prometheus protobuf carries
 * the native histogram, text and OpenMetrics the classic buckets), and any other handler the long-lived coordinator
 * adds.
 */
public final class MetricsServer implements AutoCloseable {
    /** The documented default port. */
    public static final int DEFAULT_PORT = 9470;

    private final HttpServer http;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();
    /** Each scraper (its address and the format it asks for) to the nanoTime of its last two scrapes. */
    private final Map<String, long[]> scrapers = new HashMap<>();

    private MetricsServer(HttpServer http, LoadMetrics metrics) {
        this.http = http;
        registry.register(metrics);
        http.createContext("/metrics", this::scrape);
        http.setExecutor(Executors.newFixedThreadPool(
                4, Thread.ofPlatform().daemon().name("metrics-http-", 0).factory()));
        http.start();
    }

    public static MetricsServer start(String host, int port, LoadMetrics metrics) throws IOException {
        return new MetricsServer(HttpServer.create(new InetSocketAddress(host, port), 64), metrics);
    }

    public void handle(String path, HttpHandler handler) {
        http.createContext(path, handler);
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** host:port as a scraper would reach it (a wildcard bind shows as the loopback address). */
    public String address() {
        var a = http.getAddress();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getHostString();
        return host + ":" + a.getPort();
    }

    private void scrape(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            ExpositionFormatWriter writer =
                    formats.findWriter(ex.getRequestHeaders().getFirst("Accept"));
            // noted before collecting: a scrape counts as "after the run" only if it can have seen the final values
            scraped(ex.getRemoteAddress().getAddress().getHostAddress() + " "
                    + ex.getRequestHeaders().getFirst("Accept"));
            ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
            writer.write(body, registry.scrape());
            ex.getResponseHeaders().set("Content-Type", writer.getContentType());
            boolean head = "HEAD".equals(ex.getRequestMethod());
            ex.sendResponseHeaders(200, head ? -1 : body.size());
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    body.writeTo(out);
                }
            }
        }
    }

    private synchronized void scraped(String scraper) {
        long[] times = scrapers.computeIfAbsent(scraper, k -> new long[2]);
        times[1] = times[0];
        times[0] = System.nanoTime();
        notifyAll();
    }

    /**
     * A command that ends soon after its last run calls this first: every scraper seen in the last two minutes that
     * scrapes regularly (twice or more; a one-off curl is not waited for) gets to scrape once more, so that the run's
     * final values reach each Prometheus; the wait is at most 1.5 of the
     * slowest scraper's interval (at least 15 s, at most 2 min). Returns false when one did not come back in time.
     */
    public synchronized boolean awaitFinalScrape(java.io.PrintStream err) throws InterruptedException {
        long now = System.nanoTime();
        long recent = now - 120_000_000_000L;
        Map<String, Long> waiting = new HashMap<>();
        long interval = 0;
        for (var e : scrapers.entrySet()) {
            if (e.getValue()[0] > recent && e.getValue()[1] != 0) {
                waiting.put(e.getKey(), e.getValue()[0]);
                interval = Math.max(interval, e.getValue()[1] == 0 ? 0 : e.getValue()[0] - e.getValue()[1]);
            }
        }
        if (waiting.isEmpty()) {
            return true;
        }
        long wait = Math.min(120_000_000_000L, Math.max(15_000_000_000L, interval * 3 / 2));
        long deadline = now + wait;
        err.printf(
                "loadgrid: waiting for a last scrape of /metrics (up to %d s) so the final values reach Prometheus%n",
                wait / 1_000_000_000L);
        while (waiting.entrySet().stream().anyMatch(e -> scrapers.get(e.getKey())[0] == e.getValue())) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    @Override
    public void close() {
        http.stop(0);
        ((ExecutorService) http.getExecutor()).shutdownNow();
    }
}
