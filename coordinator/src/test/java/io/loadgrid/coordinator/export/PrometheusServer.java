package io.loadgrid.coordinator.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.deploy.ExternalTool;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Prometheus server (Debian's package) on loopback, scraping one target every second, asked through its HTTP
 * API.
 */
final class PrometheusServer implements AutoCloseable {
    private volatile Double at;
    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    private PrometheusServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static PrometheusServer start(Path dir, String target, boolean nativeHistograms) throws Exception {
        Path binary = ExternalTool.require("prometheus", "install it with: apt-get install prometheus");
        Files.createDirectories(dir);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: loadgrid-coordinator
                    static_configs:
                      - targets: ['%s']
                """.formatted(target));
        int port = freePort();
        var cmd = new java.util.ArrayList<>(java.util.List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"));
        if (nativeHistograms) {
            cmd.add("--enable-feature=native-histograms");
        }
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        PrometheusServer server = new PrometheusServer(p, port);
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (get("/-/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited with " + process.exitValue());
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("prometheus not ready within 30 s");
    }

    /** The value of a PromQL expression that yields one sample, or NaN when it yields none. */
    double scalar(String promql) throws Exception {
        JsonNode result = query(promql);
        return result.isEmpty()
                ? Double.NaN
                : Double.parseDouble(result.get(0).get("value").get(1).asText());
    }

    /** The result vector of an instant query, at the instant {@link #at} pinned or else now. */
    JsonNode query(String promql) throws Exception {
        return api("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + (at == null ? "" : "&time=" + at));
    }

    /**
     * Pins instant queries to {@code epochSeconds}. Once the scraped process is gone, the next failed scrape marks its
     * series stale, and a query at "now" would race that marker.
     */
    void at(double epochSeconds) {
        at = epochSeconds;
    }

    /** The result matrix of a range query over [start, end] (epoch seconds), as Grafana asks for a panel. */
    JsonNode queryRange(String promql, long start, long end, int stepSeconds) throws Exception {
        return api("/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&start=" + start
                + "&end=" + end + "&step=" + stepSeconds);
    }

    /** The series a selector matches over [start, end], as Grafana's label_values() variables ask. */
    JsonNode series(String selector, long start, long end) throws Exception {
        return api("/api/v1/series?match[]=" + URLEncoder.encode(selector, StandardCharsets.UTF_8) + "&start=" + start
                + "&end=" + end);
    }

    private JsonNode api(String path) throws Exception {
        HttpResponse<String> r = get(path);
        JsonNode body = Json.MAPPER.readTree(r.body());
        if (!"success".equals(body.path("status").asText())) {
            throw new IllegalStateException(path + ": " + r.body());
        }
        JsonNode data = body.get("data");
        return data.has("result") ? data.get("result") : data;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
