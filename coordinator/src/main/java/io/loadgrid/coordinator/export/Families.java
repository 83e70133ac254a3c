package io.loadgrid.coordinator.export;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers one scrape's data points by metric family, then builds the snapshots (one family per name, as required). */
final class Families {
    static final String LATENCY = "loadgrid_latency_seconds";
    private final Map<String, String> help = new LinkedHashMap<>();
    private final Map<String, List<CounterDataPointSnapshot>> counters = new LinkedHashMap<>();
    private final Map<String, List<GaugeDataPointSnapshot>> gauges = new LinkedHashMap<>();
    private final Map<String, List<HistogramDataPointSnapshot>> histograms = new LinkedHashMap<>();

    void counter(String name, String text, Labels labels, double value) {
        help.putIfAbsent(name, text);
        counters.computeIfAbsent(name, k -> new ArrayList<>())
                .add(new CounterDataPointSnapshot(value, labels, null, 0));
    }

    void gauge(String name, String text, Labels labels, double value) {
        help.putIfAbsent(name, text);
        gauges.computeIfAbsent(name, k -> new ArrayList<>()).add(new GaugeDataPointSnapshot(value, labels, null));
    }

    void histogram(String name, String text, HistogramDataPointSnapshot point) {
        help.putIfAbsent(name, text);
        histograms.computeIfAbsent(name, k -> new ArrayList<>()).add(point);
    }

    MetricSnapshots build() {
        MetricSnapshots.Builder out = MetricSnapshots.builder();
        counters.forEach((name, points) -> {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help.get(name));
            points.forEach(b::dataPoint);
            out.metricSnapshot(b.build());
        });
        gauges.forEach((name, points) -> {
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help.get(name));
            points.forEach(b::dataPoint);
            out.metricSnapshot(b.build());
        });
        histograms.forEach((name, points) -> {
            HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(name).help(help.get(name));
            points.forEach(b::dataPoint);
            out.metricSnapshot(b.build());
        });
        return out.build();
    }
}
