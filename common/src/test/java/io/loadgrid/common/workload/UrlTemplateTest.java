package io.loadgrid.common.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrlTemplateTest {
    @Test
    void theItemIndexMayVaryThePathAndQueryButNotTheTarget() {
        UrlTemplate t = new UrlTemplate("http://127.0.0.1:8080/anything/{i}?q={i}");
        assertThat(t.url(42)).isEqualTo("http://127.0.0.1:8080/anything/42?q=42");
        assertThat(t.base()).isEqualTo("http://127.0.0.1:8080");
        assertThatThrownBy(() -> new UrlTemplate("http://127.0.0.1:80{i}/get"))
                .hasMessageContaining("puts {i} in the host or port");
        assertThatThrownBy(() -> new UrlTemplate("http://127.0.0.{i}:8080/get"))
                .hasMessageContaining("puts {i} in the host or port");
    }
}
