package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetConfigTest {

    @Test
    void defaultsMatchTheDocumentedValues() {
        TargetConfig d = TargetConfig.defaults();

        assertThat(d.host()).isEqualTo("127.0.0.1");
        assertThat(d.port()).isZero();
        assertThat(d.latencyMs()).isZero();
        assertThat(d.ioThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(d.maxBodyBytes()).isEqualTo(1 << 20);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> TargetConfig.defaults().withPort(65536)).hasMessageContaining("port");
        assertThatThrownBy(() -> TargetConfig.defaults().withLatencyMs(Double.NaN))
                .hasMessageContaining("latency");
        assertThatThrownBy(() -> TargetConfig.defaults().withIoThreads(0)).hasMessageContaining("io threads");
        assertThatThrownBy(() -> TargetConfig.defaults().withMaxBodyBytes(-1)).hasMessageContaining("max body");
    }

    @Test
    void startingOnABusyPortFailsWithABindException() {
        try (TargetServer first = TargetServer.start(TargetConfig.defaults())) {
            assertThatThrownBy(() -> TargetServer.start(TargetConfig.defaults().withPort(first.port())))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasCauseInstanceOf(java.net.BindException.class);
        }
    }
}
