package io.loadgrid.testbed.endpoints;

import io.netty.handler.codec.http.QueryStringDecoder;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Emulated latency for one request: the {@code latency_ms} query parameter if present, else the server-wide value. */
record Latency(double millis, boolean invalid) {

    static final double MAX_MS = 60_000;
    private static final String PARAM = "latency_ms";

    static Latency of(String query, double serverWideMs) {
        if (query == null || !query.contains(PARAM)) { // cheap pre-check keeps the common case parse-free
            return new Latency(serverWideMs, false);
        }
        List<String> values = new QueryStringDecoder(query, StandardCharsets.UTF_8, false).parameters().get(PARAM);
        if (values == null || values.isEmpty()) {
            return new Latency(serverWideMs, false);
        }
        try {
            double ms = Double.parseDouble(values.get(values.size() - 1));
            return ms >= 0 && ms <= MAX_MS ? new Latency(ms, false) : new Latency(0, true);
        } catch (NumberFormatException e) {
            return new Latency(0, true);
        }
    }
}
