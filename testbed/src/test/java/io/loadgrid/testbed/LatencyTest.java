package io.loadgrid.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyTest {

    private static long timeMs(int port, String path) {
        try (RawHttp http = new RawHttp(port)) {
            long start = System.nanoTime();
            assertThat(http.exchange(RawHttp.get(path)).status()).isBetween(200, 299);
            return (System.nanoTime() - start) / 1_000_000;
        }
    }

    @Test
    void latencyParameterDelaysThatResponse() {
        try (TargetServer server = TargetServer.start(TargetConfig.defaults())) {
            assertThat(timeMs(server.port(), "/get?latency_ms=250")).isGreaterThanOrEqualTo(250);
            assertThat(timeMs(server.port(), "/status/204?latency_ms=120.5")).isGreaterThanOrEqualTo(120);
        }
    }

    @Test
    void serverWideLatencyDelaysEveryResponseAndTheParameterOverridesIt() {
        try (TargetServer server = TargetServer.start(TargetConfig.defaults().withLatencyMs(2000))) {
            assertThat(timeMs(server.port(), "/get")).isGreaterThanOrEqualTo(2000);
            // override downwards: far below the server-wide 2 s even on a slow machine
            assertThat(timeMs(server.port(), "/get?latency_ms=0")).isLessThan(1500);
        }
    }

    @Test
    void controlEndpointsAreNotDelayed() {
        try (TargetServer server = TargetServer.start(TargetConfig.defaults().withLatencyMs(3000))) {
            assertThat(timeMs(server.port(), "/stats")).isLessThan(2000);
        }
    }

    @Test
    void invalidLatencyParameterIsABadRequest() {
        try (TargetServer server = TargetServer.start(TargetConfig.defaults());
                RawHttp http = new RawHttp(server.port())) {
            assertThat(http.exchange(RawHttp.get("/get?latency_ms=soon")).status())
                    .isEqualTo(400);
            assertThat(http.exchange(RawHttp.get("/get?latency_ms=-5")).status())
                    .isEqualTo(400);
        }
    }
}
