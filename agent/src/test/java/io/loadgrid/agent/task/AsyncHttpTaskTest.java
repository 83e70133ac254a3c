package io.loadgrid.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AsyncHttpTaskTest {
    /** The request target the event loops send is what a URL parser gives: path and query, never the fragment. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1:8080/anything/7?query=abc",
                "http://127.0.0.1:8080",
                "http://127.0.0.1:8080/",
                "http://127.0.0.1:8080?id=7",
                "http://127.0.0.1:8080/get#frag",
                "http://127.0.0.1:8080?id=7#frag",
                "http://[::1]:8080/a/b?c=%20d",
                "http://localhost/p"
            })
    void theRequestTargetIsThePathAndQueryOfTheUrl(String url) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String expected = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        assertThat(AsyncHttpTask.pathOf(url)).isEqualTo(expected);
    }

    @Test
    void aUrlWithoutAPathAsksForTheRoot() {
        assertThat(AsyncHttpTask.pathOf("http://h:1")).isEqualTo("/");
    }
}
