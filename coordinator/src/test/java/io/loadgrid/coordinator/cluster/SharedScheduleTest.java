package io.loadgrid.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.RunCliTest;
import io.loadgrid.coordinator.target.EmbeddedTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An open-model run on several senders sends one schedule, each sender its share at the same time: 800/s of 100 ms
 * responses need 80 in flight, and the senders have 100 lanes between them, so the corrected median stays near the
 * emulated 100 ms. Before, the sender holding the current chunk sent alone (p50 690 ms for two agents, 771 ms for two
 * worker JVMs, 179 ms with a static split, over 10 s).
 */
class SharedScheduleTest {
    static EmbeddedTarget target;

    @TempDir
    Path tmp;

    /** A target as a user's long-running one is: warmed by a run before the measured ones. */
    @BeforeAll
    static void startAndWarmTarget() throws Exception {
        target = EmbeddedTarget.start(100);
        Console.Ran warm = RunCliTest.run("--base", base(), "--urls", "4000", "--concurrency", "100");
        assertThat(warm.exit()).as(warm.err()).isZero();
    }

    @AfterAll
    static void stopTarget() {
        target.close();
    }

    static String base() {
        return target.base();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "--agents 2 --split dynamic --model async --concurrency 50",
                "--agents 2 --split static --model async --concurrency 50",
                "--agents 1 --model multiprocess --processes 2 --concurrency 100"
            })
    void everySenderRunsItsShareOfTheRateAtOnce(String senders) throws Exception {
        Path json = tmp.resolve("result.json");
        List<String> args = new ArrayList<>(List.of(senders.split(" ")));
        args.addAll(List.of("--rate", "800", "--duration", "10s", "--base", base(), "--json", json.toString()));
        Console.Ran r = RunCliTest.run(args.toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        assertThat(n.get("ok").asLong()).isEqualTo(8000);
        double p50 = n.get("latency_us").get("p50").asDouble() / 1000;
        System.out.printf(
                "%s: corrected p50 %.1f ms, p99 %.1f ms; uncorrected p50 %.1f ms%n",
                senders,
                p50,
                n.get("latency_us").get("p99").asDouble() / 1000,
                n.get("latency_uncorrected_us").get("p50").asDouble() / 1000);
        assertThat(p50)
                .as("corrected p50 in ms, within 15%% of the emulated 100 ms")
                .isBetween(85.0, 115.0);
        if (n.get("nodes").size() == 2) {
            // a rate is split evenly: each agent owns one lane of the schedule
            for (JsonNode node : n.get("nodes")) {
                assertThat(node.get("result").get("items").asLong()).isEqualTo(4000);
            }
        }
    }
}
