package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The request decoder against the awkward-but-legal and the subtly-illegal. */
class RequestParsingTest {

    private static TargetServer server;

    @BeforeAll
    static void start() {
        server = TargetServer.start(TargetConfig.defaults().withIoThreads(1).withMaxBodyBytes(4096));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawHttp.Response call(String request) {
        try (RawHttp http = new RawHttp(server.port())) {
            return http.exchange(request);
        }
    }

    @Test
    void requestDeliveredOneByteAtATimeIsAssembled() {
        String body = "{\"slow\": true}";
        String request = "POST /post?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        try (RawHttp http = new RawHttp(server.port())) {
            for (byte b : request.getBytes(StandardCharsets.US_ASCII)) {
                http.send(new byte[] {b});
            }
            RawHttp.Response r = http.readResponse(false);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("json").get("slow").asBoolean()).isTrue();
        }
    }

    @Test
    void chunkedBodyDeliveredOneByteAtATimeWithExtensionsAndTrailers() {
        String request = "POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                + "3;name=value\r\nabc\r\n2 \r\nde\r\n0\r\nX-Trailer: t\r\n\r\n";
        try (RawHttp http = new RawHttp(server.port())) {
            for (byte b : request.getBytes(StandardCharsets.US_ASCII)) {
                http.send(new byte[] {b});
            }
            assertThat(http.readResponse(false).json().get("data").asText()).isEqualTo("abcde");
            assertThat(http.exchange(RawHttp.get("/get")).status()).isEqualTo(200);
        }
    }

    @Test
    void bareLineFeedsAndLeadingEmptyLinesAreTolerated() {
        RawHttp.Response r = call("\r\n\r\nGET /get?lf=1 HTTP/1.1\nHost: h\nX-A: b\n\n");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("headers").get("X-A").asText()).isEqualTo("b");
    }

    @Test
    void headerValuesAreTrimmedAndMayBeEmpty() {
        RawHttp.Response r = call("GET /get HTTP/1.1\r\nHost: h\r\nX-Pad: \t padded \t\r\nX-Empty:\r\n\r\n");

        assertThat(r.json().get("headers").get("X-Pad").asText()).isEqualTo("padded");
        assertThat(r.json().get("headers").get("X-Empty").asText()).isEmpty();
    }

    @Test
    void repeatedIdenticalContentLengthIsAccepted() {
        assertThat(call("POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok")
                        .json()
                        .get("data")
                        .asText())
                .isEqualTo("ok");
    }

    @Test
    void http11PlusMinorVersionsAreServedAsHttp11() {
        assertThat(call("GET /get HTTP/1.2\r\nHost: h\r\n\r\n").status()).isEqualTo(200);
    }

    @Test
    void connectionTokensAreMatchedInLists() {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response r = http.exchange("GET /get HTTP/1.1\r\nHost: h\r\nConnection: upgrade, Close\r\n\r\n");
            assertThat(r.header("Connection")).isEqualTo("close");
            assertThat(http.closedByServer()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "GET /get HTTP/1.1\r\nHost: h\r\nX-Folded: a\r\n continued\r\n\r\n", // obs-fold
                "GET /get HTTP/1.1\r\nHost: h\r\nX-Space : a\r\n\r\n", // space before colon
                "GET /get HTTP/1.1\r\nHost: h\r\nBad\u0001Name: a\r\n\r\n", // control char in name
                "GET /get HTTP/1.1\r\nHost: h\r\nX-Ctl: a\u0000b\r\n\r\n", // NUL in value
                "GET /g\u00e9t HTTP/1.1\r\nHost: h\r\n\r\n", // non-ASCII target
                "G(T /get HTTP/1.1\r\nHost: h\r\n\r\n", // method not a token
                "GET  /get HTTP/1.1\r\nHost: h\r\n\r\n", // double space
                "GET /get HTTP/1.1 extra\r\nHost: h\r\n\r\n",
                "GET /get\r\nHost: h\r\n\r\n", // HTTP/0.9 style
                "POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab",
                "POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: -2\r\n\r\n",
                "POST /post HTTP/1.1\r\nHost: h\r\nContent-Length: 0x10\r\n\r\n",
                "POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n",
                "POST /post HTTP/1.0\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
                "POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n",
            })
    void malformedRequestsAre400AndCloseTheConnection(String request) {
        try (RawHttp http = new RawHttp(server.port())) {
            http.send(request.getBytes(StandardCharsets.ISO_8859_1));
            RawHttp.Response r = http.readResponse(false);
            assertThat(r.status()).isEqualTo(400);
            assertThat(http.closedByServer()).isTrue();
        }
        assertThat(call(RawHttp.get("/get")).status()).isEqualTo(200);
    }

    @Test
    void oversizedTrailersAre431() {
        String request = "POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n1\r\na\r\n0\r\n" + "X-T: "
                + "t".repeat(9000) + "\r\n\r\n";
        assertThat(call(request).status()).isEqualTo(431);
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedAtTheChunkSize() {
        assertThat(call("POST /post HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n")
                        .status())
                .isEqualTo(413);
    }
}
