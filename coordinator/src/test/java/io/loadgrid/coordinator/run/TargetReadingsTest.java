package io.loadgrid.coordinator.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.loadgrid.common.metrics.TargetCounts;
import io.loadgrid.testbed.TargetConfig;
import io.loadgrid.testbed.TargetServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A real target behind a front that holds chosen /stats answers past the reading's wait, as a host busy starting
 * JVMs did in a CI run: the counts must survive one slow answer on either side of the run.
 */
class TargetReadingsTest {
    @Test
    void aFirstAnswerTooSlowIsTriedAgainWhileTheAgentsPrepare() throws Exception {
        try (TargetServer target = TargetServer.start(TargetConfig.defaults());
                Front front = new Front(target.port(), 1)) {
            TargetReadings readings = new TargetReadings(front.base());
            TargetCounts.Reading before = readings.around(() -> Thread.sleep(200));
            assertThat(before).as("the second try answered").isNotNull();
            assertThat(front.asked()).isEqualTo(2);
            send(target.port(), 3);
            TargetCounts counts = readings.since(before);
            assertThat(counts).isNotNull();
            assertThat(counts.requests()).isEqualTo(3);
        }
    }

    @Test
    void aSlowAnswerAfterTheRunIsTriedAgain() throws Exception {
        try (TargetServer target = TargetServer.start(TargetConfig.defaults());
                Front front = new Front(target.port(), 2)) {
            TargetReadings readings = new TargetReadings(front.base());
            TargetCounts.Reading before = readings.around(() -> {});
            assertThat(front.asked()).isEqualTo(1);
            send(target.port(), 5);
            TargetCounts counts = readings.since(before);
            assertThat(counts).as("the second try after the run answered").isNotNull();
            assertThat(counts.requests()).isEqualTo(5);
            assertThat(front.asked()).isEqualTo(3);
        }
    }

    @Test
    void aTargetWithoutStatsIsNotAskedAfterTheRun() throws Exception {
        try (Front front = new Front(-1, 0)) {
            TargetReadings readings = new TargetReadings(front.base());
            assertThat(readings.around(() -> {})).isNull();
            int before = front.asked();
            assertThat(before).as("asked once: its 404 is an answer").isEqualTo(1);
            assertThat(readings.since(null)).isNull();
            assertThat(front.asked()).isEqualTo(before);
        }
    }

    private static void send(int port, int n) throws Exception {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            for (int i = 0; i < n; i++) {
                http.send(
                        java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/get"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
            }
        }
    }

    /** Forwards /stats to a real target, except the n-th request, which it answers only after the reading's wait. */
    private static final class Front implements AutoCloseable {
        private final HttpServer server;
        private final AtomicInteger asked = new AtomicInteger();

        /** @param targetPort where /stats is forwarded, or -1 to answer 404 as a server that has none does */
        Front(int targetPort, int slow) throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/stats", ex -> {
                int n = asked.incrementAndGet();
                try {
                    if (n == slow) {
                        Thread.sleep(4_000);
                    }
                    if (targetPort < 0) {
                        ex.sendResponseHeaders(404, -1);
                        return;
                    }
                    byte[] body;
                    try (InputStream in = URI.create("http://127.0.0.1:" + targetPort + "/stats")
                            .toURL()
                            .openStream()) {
                        body = in.readAllBytes();
                    }
                    ex.sendResponseHeaders(200, body.length);
                    try (OutputStream out = ex.getResponseBody()) {
                        out.write(body);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (IOException e) {
                    // the reading gave up on this answer and closed its connection
                } finally {
                    ex.close();
                }
            });
            server.start();
        }

        String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        int asked() {
            return asked.get();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
