package io.loadgrid.coordinator.target;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A loadgrid target's own wire counters, read from its /stats (which does not count itself). */
public record TargetStats(long requests, long bytesIn, long bytesOut) {

    public static TargetStats fetch(String base) throws IOException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/stats")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IOException(base + "/stats answered " + r.statusCode());
            }
            JsonNode n = Json.MAPPER.readTree(r.body());
            return new TargetStats(n.path("requests").asLong(), n.path("bytes_in").asLong(), n.path("bytes_out").asLong());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + base + "/stats", e);
        }
    }

    public io.loadgrid.common.metrics.RunResult.TargetCounts counts() {
        return new io.loadgrid.common.metrics.RunResult.TargetCounts(requests, bytesIn, bytesOut);
    }

    public TargetStats minus(TargetStats before) {
        return new TargetStats(requests - before.requests, bytesIn - before.bytesIn, bytesOut - before.bytesOut);
    }
}
