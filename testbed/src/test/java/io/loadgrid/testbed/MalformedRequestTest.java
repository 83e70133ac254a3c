package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.metrics.TargetCounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every bad request gets its status and a closed connection; the server keeps serving everyone else. */
class MalformedRequestTest {

    private static TargetServer server;

    @BeforeAll
    static void start() {
        server = TargetServer.start(TargetConfig.defaults().withIoThreads(1).withMaxBodyBytes(1000));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void serverStillServesGoodRequests() {
        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.exchange(RawHttp.get("/get")).status()).isEqualTo(200);
        }
    }

    private static void assertRejected(String request, int status) {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.exchange(request);
            assertThat(r.status()).isEqualTo(status);
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void garbageRequestLineIs400() {
        assertRejected("THIS IS NOT HTTP\r\n\r\n", 400);
    }

    @Test
    void unsupportedHttpVersionIs505() {
        assertRejected("GET /get HTTP/7.1\r\nHost: h\r\n\r\n", 505);
    }

    @Test
    void otherProtocolsAre400() {
        assertRejected("GET /get FOO/1.1\r\nHost: h\r\n\r\n", 400);
    }

    @Test
    void headerWithoutColonIs400() {
        assertRejected("GET /get HTTP/1.1\r\nHost: h\r\nno colon here\r\n\r\n", 400);
    }

    @Test
    void badChunkSizeIs400() {
        assertRejected(
                "POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400);
    }

    @Test
    void declaredBodyOverTheLimitIs413BeforeItIsSent() {
        assertRejected("POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 1001\r\n\r\n", 413);
    }

    @Test
    void chunkedBodyGrowingOverTheLimitIs413() {
        String chunk = "x".repeat(600);
        assertRejected(
                "POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n" + "258\r\n" + chunk
                        + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n",
                413);
    }

    @Test
    void bodyExactlyAtTheLimitIsAccepted() {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r =
                    http.exchange("POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n" + "y".repeat(1000));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("data").asText()).hasSize(1000);
        }
    }

    @Test
    void overlongUriIs414() {
        assertRejected("GET /get?q=" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: h\r\n\r\n", 414);
    }

    @Test
    void oversizedHeaderSectionIs431() {
        assertRejected("GET /get HTTP/1.1\r\nHost: h\r\nX-Big: " + "b".repeat(9000) + "\r\n\r\n", 431);
    }

    @Test
    void manyHeadersOverTheLimitTogetherAre431() {
        StringBuilder headers = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            headers.append("X-H").append(i).append(": ").append("v".repeat(40)).append("\r\n");
        }
        assertRejected("GET /get HTTP/1.1\r\nHost: h\r\n" + headers + "\r\n", 431);
    }

    @Test
    void contentLengthWithChunkedIsRefused() {
        assertRejected(
                "POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "3\r\nabc\r\n0\r\n\r\n",
                400);
    }

    @Test
    void clientVanishingMidRequestDoesNotHurt() {
        TargetCounts before = server.stats();
        long sent = 0;
        try (RawHttp http = new RawHttp(server.port())) {
            http.send("POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 500\r\n\r\nonly a little");
            sent += http.bytesWritten();
        }
        try (RawHttp http = new RawHttp(server.port())) {
            http.send("GET /get HTTP/1.1\r\nHo");
            sent += http.bytesWritten();
        }
        long answered;
        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.exchange(RawHttp.get("/get")).status()).isEqualTo(200);
            answered = http.bytesWritten();
        }
        // the cut-off requests are no requests, but their bytes were on the wire: they count as read
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.stats().bytesIn() - before.bytesIn() < sent + answered && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        TargetCounts after = server.stats();
        assertThat(after.requests() - before.requests()).isEqualTo(1);
        assertThat(after.bytesIn() - before.bytesIn()).isEqualTo(sent + answered);
    }
}
