package io.loadgrid.coordinator.target;

import io.loadgrid.common.codec.Json;
import io.loadgrid.common.metrics.TargetCounts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads a loadgrid target's own wire counters from its /stats (which does not count itself). */
public final class StatsClient {
    private StatsClient() {}

    public static TargetCounts fetch(String base) throws IOException {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/stats"))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(base + "/stats answered " + r.statusCode());
            }
            // the document has more than the counts (responses by class, connections): those are the target's own
            return Json.MAPPER.readValue(r.body(), TargetCounts.class);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + base + "/stats", e);
        }
    }
}
