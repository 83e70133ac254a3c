package io.loadgrid.testbed.stats;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders {@link TrafficCounters} in the Prometheus text format. The counters stay the single source of truth
 * (callbacks read them at scrape time), so {@code /stats/reset} resets what Prometheus sees as well.
 */
public final class PrometheusExposition {

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public PrometheusExposition(TrafficCounters counters) {
        counter(
                "loadgrid_target_requests",
                "HTTP requests received (control endpoints excluded)",
                cb -> cb.call(counters.snapshot().requests()));
        counter(
                "loadgrid_target_bytes_in",
                "Raw bytes read from client connections",
                cb -> cb.call(counters.snapshot().bytesIn()));
        counter(
                "loadgrid_target_bytes_out",
                "Raw bytes written to client connections",
                cb -> cb.call(counters.snapshot().bytesOut()));
        counter(
                "loadgrid_target_connections",
                "TCP connections accepted (control clients' included)",
                cb -> cb.call(counters.connections()));
        CounterWithCallback.builder()
                .name("loadgrid_target_responses")
                .help("HTTP responses sent, by status class")
                .labelNames("status_class")
                .callback(cb -> {
                    for (int i = 0; i < TrafficCounters.STATUS_CLASSES.length; i++) {
                        cb.call(counters.responses(i), TrafficCounters.STATUS_CLASSES[i]);
                    }
                })
                .register(registry);
    }

    private void counter(String name, String help, java.util.function.Consumer<CounterWithCallback.Callback> callback) {
        CounterWithCallback.builder().name(name).help(help).callback(callback).register(registry);
    }

    public String contentType() {
        return writer.getContentType();
    }

    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            writer.write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
