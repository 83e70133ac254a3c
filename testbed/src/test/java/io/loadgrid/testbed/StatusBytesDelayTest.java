package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatusBytesDelayTest {

    private static TargetServer server;

    @BeforeAll
    static void start() {
        server = TargetServer.start(TargetConfig.defaults().withIoThreads(1));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private RawHttp.Response call(String path) {
        try (RawHttp http = new RawHttp(server.port())) {
            return http.exchange(RawHttp.get(path));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204, 301, 304, 404, 418, 429, 500, 503, 599})
    void statusAnswersWithThatCodeAndNoBody(int code) {
        RawHttp.Response r = call("/status/" + code);

        assertThat(r.status()).isEqualTo(code);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void retryAfterIsAddedOnRequestAndOnlyAsWholeSeconds() {
        RawHttp.Response r = call("/status/503?retry_after=0");
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Retry-After")).isEqualTo("0");
        assertThat(call("/status/503").header("Retry-After")).isNull();
        assertThat(call("/status/503?retry_after=0%0d%0aX-Evil:%201").status()).isEqualTo(400);
    }

    @Test
    void informationalStatusIsSentAndThenTheConnectionEnds() {
        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.exchange(RawHttp.get("/status/102")).status()).isEqualTo(102);
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"99", "600", "abc", "2000", "-20"})
    void statusOutsideTheValidRangeIsABadRequest(String code) {
        assertThat(call("/status/" + code).status()).isEqualTo(400);
    }

    @Test
    void severalCodesAnswerOneOfThemByWeight() {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < 100; i++) {
            seen.add(call("/status/200,503").status());
        }
        assertThat(seen).containsExactlyInAnyOrder(200, 503);
        for (int i = 0; i < 20; i++) {
            assertThat(call("/status/200:0,500:2.5").status()).isEqualTo(500);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"200,", ",200", "200:x", "200:0", "200:-1", "200:1:2", "200,600", "200:NaN"})
    void malformedCodeListsAreABadRequest(String codes) {
        assertThat(call("/status/" + codes).status()).isEqualTo(400);
    }

    @Test
    void aBodyCutShortEndsInAResetAfterExactlyWhatWasCounted() throws Exception {
        long before = server.stats().bytesOut();
        byte[] received;
        boolean reset = false;
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.getOutputStream()
                    .write(RawHttp.get("/bytes/2000?reset_after=700&seed=3")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            try {
                for (int n = s.getInputStream().read(buf);
                        n >= 0;
                        n = s.getInputStream().read(buf)) {
                    got.write(buf, 0, n);
                }
            } catch (java.net.SocketException e) {
                reset = e.getMessage().contains("reset");
            }
            received = got.toByteArray();
        }
        assertThat(server.stats().bytesOut() - before)
                .as("the server counted what the client received")
                .isEqualTo(received.length);
        assertThat(reset).as("the connection ends in a reset, not a close").isTrue();
        String text = new String(received, java.nio.charset.StandardCharsets.ISO_8859_1);
        int head = text.indexOf("\r\n\r\n") + 4;
        assertThat(text).startsWith("HTTP/1.1 200").contains("Content-Length: 2000");
        assertThat(received.length - head).isEqualTo(700);
        assertThat(java.util.Arrays.copyOfRange(received, head, received.length))
                .isEqualTo(java.util.Arrays.copyOf(call("/bytes/2000?seed=3").body(), 700));
    }

    @Test
    void aCutMustBeShorterThanTheBody() {
        assertThat(call("/bytes/100?reset_after=100").status()).isEqualTo(400);
        assertThat(call("/bytes/100?reset_after=-1").status()).isEqualTo(400);
        assertThat(call("/bytes/100?reset_after=x").status()).isEqualTo(400);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000, 65536, 200_000, 3_000_001})
    void bytesReturnsExactlyNBytes(int n) {
        RawHttp.Response r = call("/bytes/" + n);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(r.body()).hasSize(n);
    }

    @Test
    void bytesAreReproducibleWithASeedAndDifferWithout() {
        byte[] a = call("/bytes/100000?seed=42").body();
        byte[] b = call("/bytes/100000?seed=42").body();
        byte[] c = call("/bytes/100000?seed=43").body();
        byte[] unseeded1 = call("/bytes/64").body();
        byte[] unseeded2 = call("/bytes/64").body();

        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
        assertThat(unseeded1).isNotEqualTo(unseeded2);
        // a shorter body with the same seed is a prefix: the stream does not depend on how it is chunked
        assertThat(call("/bytes/70001?seed=42").body()).isEqualTo(java.util.Arrays.copyOf(a, 70001));
    }

    @Test
    void bytesRefusesMoreThan100MiBAndNonsense() {
        assertThat(call("/bytes/" + ((100L << 20) + 1)).status()).isEqualTo(413);
        assertThat(call("/bytes/-1").status()).isEqualTo(400);
        assertThat(call("/bytes/12?seed=x").status()).isEqualTo(400);
    }

    @Test
    void delayWithAFractionWaitsAtLeastThatLongAndEchoesLikeGet() {
        long start = System.nanoTime();
        RawHttp.Response r = call("/delay/0.3?x=1");
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(r.status()).isEqualTo(200);
        assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
        assertThat(r.json().get("args").get("x").asText()).isEqualTo("1");
        assertThat(r.json().has("url")).isTrue();
    }

    @Test
    void delayDoesNotBlockTheEventLoop() {
        // the server has ONE I/O thread: if the delay blocked it, the second request would wait for the first
        try (RawHttp slow = new RawHttp(server.port());
                RawHttp fast = new RawHttp(server.port())) {
            slow.send(RawHttp.get("/delay/2"));
            long start = System.nanoTime();
            assertThat(fast.exchange(RawHttp.get("/get")).status()).isEqualTo(200);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1500);
            assertThat(slow.readResponse(false).status()).isEqualTo(200);
        }
    }

    @Test
    void delayRejectsNonNumbers() {
        assertThat(call("/delay/soon").status()).isEqualTo(400);
        assertThat(call("/delay/-1").status()).isEqualTo(400);
    }
}
