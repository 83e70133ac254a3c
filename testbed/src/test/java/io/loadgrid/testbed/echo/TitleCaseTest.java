package io.loadgrid.testbed.echo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleCaseTest {

    @ParameterizedTest
    @CsvSource({
        "user-agent, User-Agent",
        "X-AMZN-TRACE-ID, X-Amzn-Trace-Id",
        "x-b3-traceid, X-B3-Traceid",
        "www-authenticate, Www-Authenticate",
        "content-md5, Content-Md5",
        "x_under_score, X_Under_Score",
    })
    void behavesLikePythonStrTitle(String raw, String expected) {
        assertThat(TitleCase.of(raw)).isEqualTo(expected);
    }
}
