package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EchoEndpointsTest {

    private static TargetServer server;

    @BeforeAll
    static void start() {
        server = TargetServer.start(TargetConfig.defaults().withIoThreads(2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private RawHttp.Response call(String request) {
        try (RawHttp http = new RawHttp(server.port())) {
            return http.exchange(request);
        }
    }

    @Test
    void getPrintsHttpbinStyleJsonWithSortedKeysAndTrailingNewline() {
        RawHttp.Response r = call("GET /get?b=2&a=1&a=3 HTTP/1.1\r\nHost: example.test\r\nx-z: last\r\n\r\n");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        assertThat(r.text()).isEqualTo("""
                {
                  "args": {
                    "a": [
                      "1",
                      "3"
                    ],
                    "b": "2"
                  },
                  "headers": {
                    "Host": "example.test",
                    "X-Z": "last"
                  },
                  "origin": "127.0.0.1",
                  "url": "http://example.test/get?b=2&a=1&a=3"
                }
                """);
    }

    @Test
    void getTitleCasesSortsAndJoinsRepeatedHeaders() {
        JsonNode headers = call("GET /get HTTP/1.1\r\nHost: h\r\nx-b3-traceid: t\r\nUSER-AGENT: ua\r\n"
                        + "X-Dup: one\r\nx-dup: two\r\naccept: */*\r\n\r\n")
                .json()
                .get("headers");

        assertThat(headers.fieldNames())
                .toIterable()
                .containsExactly("Accept", "Host", "User-Agent", "X-B3-Traceid", "X-Dup");
        assertThat(headers.get("X-Dup").asText()).isEqualTo("one,two");
        assertThat(headers.get("User-Agent").asText()).isEqualTo("ua");
    }

    @Test
    void getDecodesQueryLikeHttpbin() {
        JsonNode args =
                call(RawHttp.get("/get?q=a+b&pct=%C3%A9%26&empty=")).json().get("args");

        assertThat(args.get("q").asText()).isEqualTo("a b");
        assertThat(args.get("pct").asText()).isEqualTo("é&");
        assertThat(args.get("empty").asText()).isEmpty();
    }

    @Test
    void headOfGetHasLengthButNoBody() {
        try (RawHttp http = new RawHttp(server.port())) {
            RawHttp.Response head = http.exchange("HEAD /get HTTP/1.1\r\nHost: h\r\n\r\n");
            RawHttp.Response get = http.exchange("GET /get HTTP/1.1\r\nHost: h\r\n\r\n");

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(Integer.parseInt(head.header("Content-Length"))).isEqualTo(get.body().length);
        }
    }

    @Test
    void anythingEchoesMethodPathBodyAndParsedJson() {
        String body = "{\"b\": [1, 2.50, {\"z\": null, \"a\": true}], \"a\": \"x\"}";
        JsonNode r = call("PUT /anything/some/path?k=v HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                .json();

        assertThat(r.get("method").asText()).isEqualTo("PUT");
        assertThat(r.get("url").asText()).isEqualTo("http://h/anything/some/path?k=v");
        assertThat(r.get("args").get("k").asText()).isEqualTo("v");
        assertThat(r.get("data").asText()).isEqualTo(body);
        assertThat(r.get("json").get("a").asText()).isEqualTo("x");
        assertThat(r.get("json").get("b").get(1).decimalValue()).isEqualByComparingTo("2.50");
        assertThat(r.get("json").get("b").get(2).fieldNames()).toIterable().containsExactly("a", "z");
        assertThat(r.get("form").isEmpty()).isTrue();
        assertThat(r.get("files").isEmpty()).isTrue();
    }

    @Test
    void anythingGivesNullJsonForTextAndDataUrlForBinary() {
        RawHttp.Response text = call("POST /anything HTTP/1.1\r\nHost: h\r\nContent-Length: 8\r\n\r\nnot json");
        assertThat(text.json().get("json").isNull()).isTrue();
        assertThat(text.json().get("data").asText()).isEqualTo("not json");

        byte[] head =
                "POST /anything HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + 3];
        System.arraycopy(head, 0, request, 0, head.length);
        request[head.length] = (byte) 0xff;
        request[head.length + 1] = (byte) 0xfe;
        request[head.length + 2] = 0;
        try (RawHttp http = new RawHttp(server.port())) {
            assertThat(http.exchange(request).json().get("data").asText())
                    .isEqualTo("data:application/octet-stream;base64,//4A");
        }
    }

    @Test
    void postEchoesUrlEncodedForm() {
        String form = "name=ada&lang=en&lang=fr";
        JsonNode r = call("POST /post HTTP/1.1\r\nHost: h\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                        + "Content-Length: " + form.length() + "\r\n\r\n" + form)
                .json();

        assertThat(r.get("form").get("name").asText()).isEqualTo("ada");
        assertThat(r.get("form").get("lang")).hasSize(2);
        assertThat(r.get("data").asText()).isEmpty();
        assertThat(r.get("json").isNull()).isTrue();
        assertThat(r.has("method")).isFalse();
    }

    @Test
    void postEchoesMultipartFieldsAndFiles() {
        String body = "--XYZ\r\nContent-Disposition: form-data; name=\"field\"\r\n\r\nvalue\r\n"
                + "--XYZ\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nfile content\r\n--XYZ--\r\n";
        JsonNode r = call("POST /post HTTP/1.1\r\nHost: h\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body)
                .json();

        assertThat(r.get("form").get("field").asText()).isEqualTo("value");
        assertThat(r.get("files").get("upload").asText()).isEqualTo("file content");
    }

    @Test
    void wrongMethodsAndUnknownPathsAreRefused() {
        RawHttp.Response getPost = call(RawHttp.get("/post"));
        assertThat(getPost.status()).isEqualTo(405);
        assertThat(getPost.header("Allow")).isEqualTo("POST");

        RawHttp.Response postGet = call("POST /get HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n");
        assertThat(postGet.status()).isEqualTo(405);

        RawHttp.Response missing = call(RawHttp.get("/nope"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("error").asText()).isEqualTo("Not Found");
    }

    @Test
    void urlFallsBackToLocalAddressWithoutHostHeader() {
        JsonNode r = call("GET /get HTTP/1.0\r\n\r\n").json();

        assertThat(r.get("url").asText()).isEqualTo("http://127.0.0.1:" + server.port() + "/get");
        assertThat(r.get("headers").isEmpty()).isTrue();
    }
}
