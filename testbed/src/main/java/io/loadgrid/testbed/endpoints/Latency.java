package io.loadgrid.testbed.endpoints;

/** Emulated latency for one request: the {@code latency_ms} query parameter if present, else the server-wide value. */
record Latency(double millis, boolean invalid) {

    static final double MAX_MS = 60_000;
    private static final String PARAM = "latency_ms";

    static Latency of(String query, double serverWideMs) {
        String value = QueryParam.last(query, PARAM);
        if (value == null) {
            return new Latency(serverWideMs, false);
        }
        try {
            double ms = Double.parseDouble(value);
            return ms >= 0 && ms <= MAX_MS ? new Latency(ms, false) : new Latency(0, true);
        } catch (NumberFormatException e) {
            return new Latency(0, true);
        }
    }
}
