package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.metrics.TargetCounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** bytes_in / bytes_out must equal what a client wrote and read on the wire, control endpoints excluded. */
class WireBytesTest {

    private TargetServer server;

    @BeforeEach
    void start() {
        server = TargetServer.start(TargetConfig.defaults().withIoThreads(2));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode stats() {
        try (RawHttp http = new RawHttp(server.port())) {
            return http.exchange(RawHttp.get("/stats")).json();
        }
    }

    private static final String[] REQUESTS = {
        RawHttp.get("/get?a=1&a=2"),
        "POST /post HTTP/1.1\r\nHost: wire.test\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n"
                + "{\"k\": \"v\"}\r\n\r\n",
        RawHttp.get("/status/418"),
        RawHttp.get("/bytes/100000?seed=7"),
        "HEAD /get HTTP/1.1\r\nHost: wire.test\r\n\r\n",
        "PATCH /anything/x HTTP/1.1\r\nHost: wire.test\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        RawHttp.get("/missing"),
    };

    @Test
    void keepAliveConnectionCountsExactlyWhatTheClientSawWithStatsInterleaved() {
        long written = 0;
        long read = 0;
        int requests = 0;
        try (RawHttp http = new RawHttp(server.port())) {
            for (int round = 0; round < 5; round++) {
                for (String request : REQUESTS) {
                    http.exchange(request);
                    requests++;
                }
                // reading the counters between requests must not perturb them
                assertThat(stats().get("requests").asLong()).isEqualTo(requests);
            }
            written = http.bytesWritten();
            read = http.bytesRead();
        }

        JsonNode s = stats();
        assertThat(s.get("requests").asLong()).isEqualTo(requests);
        assertThat(s.get("bytes_in").asLong()).isEqualTo(written);
        assertThat(s.get("bytes_out").asLong()).isEqualTo(read);
        assertThat(server.stats()).isEqualTo(new TargetCounts(requests, written, read));
    }

    @Test
    void severalConnectionsAddUp() throws Exception {
        List<Thread> clients = new ArrayList<>();
        long[] written = new long[4];
        long[] read = new long[4];
        for (int c = 0; c < written.length; c++) {
            int id = c;
            clients.add(Thread.ofPlatform().start(() -> {
                try (RawHttp http = new RawHttp(server.port())) {
                    for (int i = 0; i < 25; i++) {
                        http.exchange(REQUESTS[(i + id) % REQUESTS.length]);
                    }
                    written[id] = http.bytesWritten();
                    read[id] = http.bytesRead();
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }

        TargetCounts s = server.stats();
        assertThat(s.requests()).isEqualTo(100);
        assertThat(s.bytesIn()).isEqualTo(java.util.Arrays.stream(written).sum());
        assertThat(s.bytesOut()).isEqualTo(java.util.Arrays.stream(read).sum());
    }

    @Test
    void pipelinedRequestsAreCountedExactlyToo() {
        try (RawHttp http = new RawHttp(server.port())) {
            http.send(String.join("", REQUESTS));
            for (String request : REQUESTS) {
                http.readResponse(request.startsWith("HEAD"));
            }
            assertThat(server.stats())
                    .isEqualTo(new TargetCounts(REQUESTS.length, http.bytesWritten(), http.bytesRead()));
        }
    }

    @Test
    void controlEndpointsAreNeverCounted() {
        try (RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 3; i++) {
                assertThat(http.exchange(RawHttp.get("/stats")).status()).isEqualTo(200);
                assertThat(http.exchange(RawHttp.get("/metrics")).status()).isEqualTo(200);
                assertThat(http.exchange("HEAD /stats HTTP/1.1\r\nHost: h\r\n\r\n")
                                .status())
                        .isEqualTo(200);
            }
        }
        assertThat(server.stats()).isEqualTo(new TargetCounts(0, 0, 0));
    }

    @Test
    void responsesAreCountedByStatusClassAndResetZeroesEverything() {
        try (RawHttp http = new RawHttp(server.port())) {
            http.exchange(RawHttp.get("/get"));
            http.exchange(RawHttp.get("/status/302"));
            http.exchange(RawHttp.get("/status/404"));
            http.exchange(RawHttp.get("/nothing-here"));
            http.exchange(RawHttp.get("/status/503"));
        }
        JsonNode responses = stats().get("responses");
        assertThat(responses.get("2xx").asLong()).isEqualTo(1);
        assertThat(responses.get("3xx").asLong()).isEqualTo(1);
        assertThat(responses.get("4xx").asLong()).isEqualTo(2);
        assertThat(responses.get("5xx").asLong()).isEqualTo(1);

        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.exchange(RawHttp.get("/stats/reset")).status()).isEqualTo(405);
            RawHttp.Response reset =
                    http.exchange("POST /stats/reset HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
            assertThat(reset.status()).isEqualTo(200);
        }
        JsonNode after = stats();
        assertThat(after.get("requests").asLong()).isZero();
        assertThat(after.get("bytes_in").asLong()).isZero();
        assertThat(after.get("bytes_out").asLong()).isZero();
        assertThat(after.get("responses").get("4xx").asLong()).isZero();
    }

    @Test
    void countsEveryConnectionItAcceptsEvenOneThatSendsNothing() {
        try (RawHttp first = new RawHttp(server.port());
                RawHttp second = new RawHttp(server.port())) {
            first.exchange(RawHttp.get("/get"));
            first.exchange(RawHttp.get("/get"));
            second.exchange(RawHttp.get("/status/404"));
            // a third connection, opened and never used: what a load generator opens ahead of its first request
            try (RawHttp idle = new RawHttp(server.port())) {
                // the /stats exchange is a fourth connection, and it has been accepted before it is answered
                assertThat(stats().get("connections").asLong()).isEqualTo(4);
            }
        }
        assertThat(server.connections()).isEqualTo(4);
        assertThat(server.stats().requests()).isEqualTo(3);
        try (RawHttp http = new RawHttp(server.port())) {
            http.exchange("POST /stats/reset HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
        }
        assertThat(server.connections()).isZero();
    }

    @Test
    void rejectedRequestsAreCountedOnTheWireToo() {
        long written;
        long read;
        try (RawHttp http = new RawHttp(server.port())) {
            http.exchange("BROKEN\r\n\r\n");
            assertThat(http.closedByServer()).isTrue();
            written = http.bytesWritten();
            read = http.bytesRead();
        }
        TargetCounts s = server.stats();
        assertThat(s.requests()).isEqualTo(1);
        assertThat(s.bytesIn()).isEqualTo(written);
        assertThat(s.bytesOut()).isEqualTo(read);
    }

    @Test
    void metricsExposeTheSameCountersInPrometheusFormat() {
        long written;
        long read;
        try (RawHttp http = new RawHttp(server.port())) {
            http.exchange(RawHttp.get("/get"));
            http.exchange(RawHttp.get("/status/500"));
            written = http.bytesWritten();
            read = http.bytesRead();
        }
        RawHttp.Response m;
        try (RawHttp http = new RawHttp(server.port())) {
            m = http.exchange(RawHttp.get("/metrics"));
        }
        assertThat(m.header("Content-Type")).startsWith("text/plain");
        assertThat(m.text())
                .contains("# TYPE loadgrid_target_requests_total counter")
                .contains("loadgrid_target_requests_total 2.0")
                .contains("loadgrid_target_bytes_in_total " + (double) written)
                .contains("loadgrid_target_bytes_out_total " + (double) read)
                .contains("loadgrid_target_connections_total 2.0")
                .contains("loadgrid_target_responses_total{status_class=\"2xx\"} 1.0")
                .contains("loadgrid_target_responses_total{status_class=\"5xx\"} 1.0");
    }
}
