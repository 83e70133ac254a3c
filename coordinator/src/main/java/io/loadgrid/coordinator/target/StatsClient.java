package io.loadgrid.coordinator.target;

import com.fasterxml.jackson.databind.JsonNode;
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
    /**
     * How long a reading may take to connect, and then to be answered: ample for a loadgrid target across hosts, and
     * on a host busy with starting JVMs (1 s was not, seen in tests), while a target that never answers holds a run
     * back by at most this.
     */
    private static final Duration WAIT = Duration.ofSeconds(3);

    private StatsClient() {}

    /** The target answered, and has no loadgrid /stats: asking again will not change that. */
    public static final class NoStats extends IOException {
        NoStats(String message) {
            super(message);
        }
    }

    public static TargetCounts fetch(String base) throws IOException {
        return read(base).counts();
    }

    public static TargetCounts.Reading read(String base) throws IOException {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(WAIT).build()) {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/stats"))
                            .timeout(WAIT)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new NoStats(base + "/stats answered " + r.statusCode());
            }
            // the document has more than the counts (responses by class, connections): those are the target's own
            JsonNode doc = Json.MAPPER.readTree(r.body());
            String epoch = doc.path(TargetCounts.EPOCH_FIELD).asText("");
            if (epoch.isEmpty()) {
                throw new NoStats(base + "/stats has no " + TargetCounts.EPOCH_FIELD);
            }
            return new TargetCounts.Reading(epoch, Json.MAPPER.treeToValue(doc, TargetCounts.class));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + base + "/stats", e);
        }
    }
}
