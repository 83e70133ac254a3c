package io.loadgrid.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunResultJsonTest {
    private static final LatencySummary LAT = new LatencySummary(1000, 2000, 3000, 4000, 5000, 1200, 100);

    @Test
    void theGroupsAreWrittenAsOneFlatDocumentAndReadBackWhole() throws Exception {
        RunResult node = result(Spread.NONE);
        RunResult total = result(new Spread(
                new Spread.ClusterSummary(1, "dynamic", 1000, 1, 0, 0, List.of(), 0),
                List.of(new Spread.NodeResult("a1", "127.0.0.1:5702", "h", false, 1, 0, null, node))));

        String json = Json.write(total);
        JsonNode doc = Json.MAPPER.readTree(json);

        assertThat(doc.fieldNames())
                .toIterable()
                .contains(
                        "schema",
                        "items",
                        "ok",
                        "failures",
                        "result",
                        "wall_s",
                        "req_per_s",
                        "bytes_down",
                        "latency_us",
                        "latency_histogram",
                        "cpu_process_pct",
                        "busiest_thread_pct",
                        "cluster",
                        "nodes")
                .doesNotContain("counts", "rates", "bytes", "latency", "resources", "spread");
        assertThat(doc.get("req_per_s").asDouble()).isEqualTo(950.0);
        assertThat(doc.has("pool"))
                .as("a model's knob sits among the parameters")
                .isFalse();
        assertThat(doc.at("/parameters/pool").asText()).isEqualTo("reuse");
        assertThat(doc.at("/nodes/0/result/items").asLong()).isEqualTo(1000);
        assertThat(doc.at("/nodes/0/result").has("nodes"))
                .as("a node's result has no spread")
                .isFalse();
        assertThat(Json.read(json, RunResult.class)).isEqualTo(total);
    }

    private static RunResult result(Spread spread) {
        return RunResultBuilder.builder()
                .schema(RunResult.SCHEMA)
                .model("threads")
                .concurrency(10)
                .workload("sqrt-sum")
                .target("http://127.0.0.1:1")
                .parameters(new RunResult.Parameters(
                        null, null, null, null, Map.of("pool", "reuse"), 30_000, "discard", true))
                .counts(new Counts(1000, 950, 50, Map.of("timeout", 50L), BigInteger.TEN))
                .rates(new Rates(1.0, 950, 1000, 5000, 200))
                .bytes(new WireBytes(5000, 200, 0))
                .latency(new Latencies(LAT, LAT, LAT, "HISTa", "HISTb", "HISTc"))
                .resources(new Resources(new AvgMax(50, 60), new AvgMax(40, 45), new AvgMax(300, 310), 20, 2, 1, 80.0))
                .spread(spread)
                .build();
    }
}
