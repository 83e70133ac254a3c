package io.loadgrid.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.SweepCli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search sweep on the embedded target, whose capacity per cell is known: 10 requests in flight against 20 ms of
 * latency answer at most 500 a second, so above that the rate is not kept and the queue grows (the p99, from each
 * item's intended start, with it); 100 in flight answer 5,000 a second, above the search's top.
 */
class SweepSearchTest {
    @TempDir
    Path tmp;

    @Test
    void eachCellsHighestRateAtTheObjectiveIsFoundConfirmedAndReported() throws Exception {
        Path plan = tmp.resolve("rates.yaml");
        Files.writeString(plan, """
                name: rates
                defaults: {target_latency_ms: 20}
                search: {slo: 'p99<200ms', from: 100, to: 1600, step: 2s}
                include:
                  - {model: threads, concurrency: 10}
                  - {model: async, concurrency: 100}
                """);
        Console.Ran r = Console.capture(
                SweepCli::execute, plan.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        Path dir = SweepCliTest.sweepDir(tmp.resolve("out"));
        JsonNode cells =
                Json.MAPPER.readTree(dir.resolve("results.json").toFile()).get("cells");

        JsonNode threads = cells.get(0).get("search");
        // 10 in flight at 20 ms answer at most 500 a second: a best rate is within the search's 5% of what it sustained
        assertThat(threads.get("best_rate").asDouble()).as(r.err()).isBetween(300.0, 525.0);
        assertThat(threads.get("failed_at").asDouble())
                .isLessThanOrEqualTo(threads.get("best_rate").asDouble() * 1.05 + 1);
        assertThat(threads.get("at_top").asBoolean()).isFalse();
        // the confirm run is the cell's one kept run, paced at the best rate
        JsonNode kept = cells.get(0).get("runs");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("parameters").get("rate").asDouble())
                .isEqualTo(threads.get("best_rate").asDouble());
        assertThat(kept.get(0).get("latency_us").get("p99").asLong()).isLessThan(200_000);
        JsonNode last = threads.get("steps").get(threads.get("steps").size() - 1);
        assertThat(last.get("confirm").asBoolean()).isTrue();
        assertThat(last.get("met").asBoolean()).isTrue();

        JsonNode async = cells.get(1).get("search");
        assertThat(async.get("best_rate").asDouble()).isEqualTo(1600);
        assertThat(async.get("at_top").asBoolean()).isTrue();
        assertThat(async.get("steps")).extracting(s -> s.get("rate").asDouble()).startsWith(100.0, 400.0);
        // the cell is judged on what its search judged, at its best rate
        assertThat(cells.get(1).get("slo").get(0).get("slo").asText()).isEqualTo("p99<200ms");
        assertThat(cells.get(1).get("slo").get(0).get("met").asBoolean()).isTrue();

        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(summary)
                .contains("## Max rate at p99<200ms")
                .contains("Each cell searched for its highest rate at p99<200ms between 100 and 1,600 items/s,")
                .contains("in 2s runs (within 5%, best confirmed)")
                .doesNotContain("measured run(s) per cell")
                .containsPattern("async c=100 sustained [\\d.]+ times the rate of threads c=10")
                .contains("the top of the range: raise to")
                // 10 in flight at 20 ms answer about 480 a second: the rates that missed asked for more than that
                .containsPattern("c01 threads c=10: max [\\d,]+ items/s .*its requests in flight set the limit");
        assertThat(r.err()).contains("search 1,600/s").contains("confirm ");
    }
}
