package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeepAliveTest {

    private static TargetServer server;

    @BeforeAll
    static void start() {
        server = TargetServer.start(TargetConfig.defaults().withIoThreads(2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void oneConnectionServesManyRequests() {
        try (RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 500; i++) {
                RawHttp.Response r = http.exchange(RawHttp.get("/get?i=" + i));
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Connection")).isNull();
                assertThat(r.json().get("args").get("i").asText()).isEqualTo(Integer.toString(i));
            }
            assertThat(http.stillOpenAfter(500)).isTrue();
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderEvenWhenTheFirstIsDelayed() {
        try (RawHttp http = new RawHttp(server.port())) {
            http.send(RawHttp.get("/delay/0.2?n=1") + RawHttp.get("/status/201") + RawHttp.get("/get?n=3")
                    + "HEAD /get HTTP/1.1\r\nHost: h\r\n\r\n" + RawHttp.get("/bytes/70000"));

            RawHttp.Response first = http.readResponse(false);
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.json().get("args").get("n").asText()).isEqualTo("1");
            assertThat(http.readResponse(false).status()).isEqualTo(201);
            assertThat(http.readResponse(false).json().get("args").get("n").asText())
                    .isEqualTo("3");
            assertThat(http.readResponse(true).body()).isEmpty();
            assertThat(http.readResponse(false).body()).hasSize(70000);
        }
    }

    @Test
    void connectionCloseIsHonoured() {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.exchange("GET /get HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @Test
    void http10ClosesUnlessKeepAliveIsAsked() {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.exchange("GET /get HTTP/1.0\r\nHost: h\r\n\r\n");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.statusLine()).startsWith("HTTP/1.1 200");
            assertThat(http.closedByServer()).isTrue();
        }
        try (RawHttp http = new RawHttp(server.port())) {
            for (int i = 0; i < 3; i++) {
                RawHttp.Response r = http.exchange("GET /get HTTP/1.0\r\nHost: h\r\nConnection: keep-alive\r\n\r\n");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("Connection")).isEqualTo("keep-alive");
            }
            assertThat(http.stillOpenAfter(500)).isTrue();
        }
    }

    @Test
    void expectContinueGetsAnInterimResponseBeforeTheBody() {
        try (RawHttp http = new RawHttp(server.port())) {
            http.send("POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n");
            assertThat(http.readResponse(false).status()).isEqualTo(100);

            http.send("hello");
            RawHttp.Response r = http.readResponse(false);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("data").asText()).isEqualTo("hello");
        }
    }

    @Test
    void chunkedRequestBodiesAreAssembled() {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.exchange("POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "4\r\n{\"a\"\r\n3\r\n: 1\r\n1\r\n}\r\n0\r\n\r\n");

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("json").get("a").asInt()).isEqualTo(1);
            assertThat(http.exchange(RawHttp.get("/get")).status()).isEqualTo(200);
        }
    }
}
