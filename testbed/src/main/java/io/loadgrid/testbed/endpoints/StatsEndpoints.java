package io.loadgrid.testbed.endpoints;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.metrics.TargetCounts;
import io.loadgrid.testbed.http.Exchange;
import io.loadgrid.testbed.http.HeaderLine;
import io.loadgrid.testbed.http.Reply;
import io.loadgrid.testbed.stats.PrometheusExposition;
import io.loadgrid.testbed.stats.TrafficCounters;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;

/** Control endpoints: /stats (JSON), /metrics (Prometheus), POST /stats/reset. Never counted, never delayed. */
final class StatsEndpoints {

    private static final HeaderLine ALLOW_GET = HeaderLine.of("Allow", "GET, HEAD");
    private static final HeaderLine ALLOW_POST = HeaderLine.of("Allow", "POST");

    private final TrafficCounters counters;
    private final PrometheusExposition prometheus;
    private final HeaderLine prometheusType;

    StatsEndpoints(TrafficCounters counters) {
        this.counters = counters;
        this.prometheus = new PrometheusExposition(counters);
        this.prometheusType = HeaderLine.of("Content-Type", prometheus.contentType());
    }

    static boolean handles(String path) {
        return path.equals("/stats") || path.equals("/stats/reset") || path.equals("/metrics");
    }

    Reply route(Exchange ex) {
        boolean read = ex.method() == HttpMethod.GET || ex.method() == HttpMethod.HEAD;
        switch (ex.path()) {
            case "/stats/reset" -> {
                if (ex.method() != HttpMethod.POST) {
                    return JsonReplies.error(405, "Method Not Allowed").withHeader(ALLOW_POST);
                }
                counters.reset();
                return statsJson();
            }
            case "/metrics" -> {
                if (!read) {
                    return JsonReplies.error(405, "Method Not Allowed").withHeader(ALLOW_GET);
                }
                byte[] text = prometheus.scrape();
                return Reply.of(200, prometheusType, text);
            }
            default -> {
                return read
                        ? statsJson()
                        : JsonReplies.error(405, "Method Not Allowed").withHeader(ALLOW_GET);
            }
        }
    }

    /** The counts under the names the coordinator reads them by (the record's), then the target's own figures. */
    private Reply statsJson() {
        TargetCounts.Reading reading = counters.epoch();
        ObjectNode json = Json.MAPPER.valueToTree(reading.counts());
        json.put(TargetCounts.EPOCH_FIELD, reading.epoch());
        json.put("connections", counters.connections());
        ObjectNode responses = json.putObject("responses");
        for (int i = 0; i < TrafficCounters.STATUS_CLASSES.length; i++) {
            responses.put(TrafficCounters.STATUS_CLASSES[i], counters.responses(i));
        }
        return Reply.of(200, HeaderLine.JSON, (json.toString() + "\n").getBytes(StandardCharsets.US_ASCII));
    }
}
