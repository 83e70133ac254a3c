package io.loadgrid.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.Limits;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command as a user types it: bad input gets one line and exit code 2; a good run gets a table and JSON. */
public class RunCliTest {
    @TempDir
    Path tmp;

    /** Runs the command in this JVM as a user types it, capturing what it prints. */
    public static Console.Ran run(String... args) {
        return Console.capture(RunCli::execute, args);
    }

    static void assertBadInput(Console.Ran r, String... fragments) {
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err())
                .startsWith("loadgrid run: ")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        for (String f : fragments) {
            assertThat(r.err()).contains(f);
        }
    }

    @Test
    void unknownModel() {
        assertBadInput(run("--model", "fibers"), "--model", "fibers", "sync");
    }

    @Test
    void badTemplate() {
        assertBadInput(run("--url", "http://127.0.0.1:8080/{index}"), "placeholder other than {i}");
        assertBadInput(run("--url", "ftp://127.0.0.1/{i}"), "must be an http:// URL");
    }

    @Test
    void unreachableHost() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertBadInput(
                run("--base", "http://127.0.0.1:" + port, "--urls", "10"),
                "cannot connect to 127.0.0.1:" + port,
                "./loadgrid target --port " + port);
    }

    @Test
    void concurrencyAboveTheOpenFileLimit() {
        long limit = Limits.openFileLimit();
        assertBadInput(
                run("--model", "threads", "--concurrency", Long.toString(limit + 1)), "open-file limit is " + limit);
    }

    @Test
    void conflictingAndInvalidOptions() {
        assertBadInput(run("--urls", "10", "--duration", "5s"), "choose a count or a duration");
        assertBadInput(run("--duration", "soon"), "not a duration");
        assertBadInput(
                run("--workload", "bitcoin"), "--workload 'bitcoin' is not one of seed, encode, sqrt-sum, squares");
        assertBadInput(run("--model", "sync", "--concurrency", "10"), "one request at a time");
        assertBadInput(
                run("--model", "hybrid", "--concurrency", "4", "--threads", "8"),
                "--threads 8 exceeds --concurrency 4");
        assertBadInput(run("--concurrency", "0"), "--concurrency must be at least 1");
        assertBadInput(run("--rate", "-3"), "--rate must be greater than 0, got -3");
        assertBadInput(run("--urls", "ten"), "--urls");
    }

    @Test
    void embeddedRunPrintsTheSeedTableAndWritesJsonThatAgreesWithTheTarget() throws Exception {
        Path json = tmp.resolve("result.json");
        Console.Ran r = run("--model", "threads", "--concurrency", "10", "--urls", "700", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "Execution Time", "Total Downloaded", "CPU Usage (Process)", "Memory Usage", "Target counted");
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        for (String field : new String[] {
            "model",
            "concurrency",
            "items",
            "ok",
            "failed",
            "failures",
            "wall_s",
            "req_per_s",
            "bytes_down",
            "bytes_up",
            "bytes_written",
            "download_bytes_per_s",
            "upload_bytes_per_s",
            "latency_us",
            "cpu_process_pct",
            "cpu_system_pct",
            "rss_mb",
            "threads_max",
            "cores"
        }) {
            assertThat(n.has(field)).as(field).isTrue();
        }
        assertThat(n.get("model").asText()).isEqualTo("threads");
        assertThat(n.get("ok").asLong()).isEqualTo(700);
        assertThat(n.get("failures").get("connect").asLong()).isZero();
        assertThat(n.get("latency_us").get("p999").asLong()).isPositive();
        assertThat(n.get("cpu_process_pct").get("avg").asDouble()).isPositive();
        assertThat(n.get("rss_mb").get("max").asDouble()).isPositive();
        assertThat(n.get("threads_max").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(n.get("target_counts").get("requests").asLong()).isEqualTo(700);
        assertThat(n.get("bytes_up").asLong())
                .isEqualTo(n.get("target_counts").get("bytes_in").asLong());
        assertThat(n.get("bytes_down").asLong())
                .as(n.toString())
                .isEqualTo(n.get("target_counts").get("bytes_out").asLong());
        assertThat(n.get("req_per_s").asDouble())
                .isCloseTo(700 / n.get("wall_s").asDouble(), org.assertj.core.data.Percentage.withPercentage(1));
    }

    @Test
    void twoAgentsSplitTheWorkAndTheirMergedTotalsEqualTheTargetsCounters() throws Exception {
        Path json = tmp.resolve("two.json");
        Console.Ran r = run(
                "--agents",
                "2",
                "--split",
                "static",
                "--chunk",
                "250",
                "--urls",
                "6000",
                "--concurrency",
                "20",
                "--json",
                json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("| Node", "| total", "static split, chunks of 250");
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        assertThat(n.get("ok").asLong()).isEqualTo(6000);
        assertThat(n.get("target_counts").get("requests").asLong()).isEqualTo(6000);
        assertThat(n.get("bytes_up").asLong())
                .isEqualTo(n.get("target_counts").get("bytes_in").asLong());
        assertThat(n.get("bytes_down").asLong())
                .isEqualTo(n.get("target_counts").get("bytes_out").asLong());
        assertThat(n.get("cluster").get("chunks").asLong()).isEqualTo(24);
        assertThat(n.get("nodes")).hasSize(2);
        long down = 0;
        for (JsonNode node : n.get("nodes")) {
            // a static split gives each agent the same fixed share
            assertThat(node.get("result").get("items").asLong()).isEqualTo(3000);
            assertThat(node.get("chunks").asLong()).isEqualTo(12);
            assertThat(node.get("lost").asBoolean()).isFalse();
            assertThat(node.get("result").get("latency_us").get("count").asLong())
                    .isEqualTo(3000);
            down += node.get("result").get("bytes_down").asLong();
        }
        assertThat(down).isEqualTo(n.get("bytes_down").asLong());
        assertThat(n.get("latency_us").get("count").asLong()).isEqualTo(6000);
        assertThat(n.get("wall_s").asDouble())
                .isEqualTo(Math.max(
                        n.get("nodes").get(0).get("result").get("wall_s").asDouble(),
                        n.get("nodes").get(1).get("result").get("wall_s").asDouble()));
    }

    @Test
    void multiprocessWorkersRunTheAgentsChunksAndAgreeWithTheTarget() throws Exception {
        Path json = tmp.resolve("mp.json");
        Console.Ran r = run(
                "--model",
                "multiprocess",
                "--processes",
                "2",
                "--concurrency",
                "10",
                "--urls",
                "3000",
                "--chunk",
                "200",
                "--json",
                json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        assertThat(n.get("ok").asLong()).isEqualTo(3000);
        assertThat(n.get("cluster").get("chunks").asLong()).isEqualTo(15);
        assertThat(n.get("latency_us").get("count").asLong()).isEqualTo(3000);
        assertThat(n.get("target_counts").get("requests").asLong()).isEqualTo(3000);
        assertThat(n.get("bytes_down").asLong())
                .isEqualTo(n.get("target_counts").get("bytes_out").asLong());
        assertThat(n.get("bytes_up").asLong())
                .isEqualTo(n.get("target_counts").get("bytes_in").asLong());
    }

    @Test
    void aTimedClosedLoopOnTwoAgentsStopsAtItsDurationAndCountsEveryItemItSent() throws Exception {
        Path json = tmp.resolve("timed.json");
        Console.Ran r = run("--agents", "2", "--duration", "2s", "--concurrency", "10", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        assertThat(n.get("ok").asLong()).isPositive();
        assertThat(n.get("failed").asLong()).isZero();
        assertThat(n.get("wall_s").asDouble()).isBetween(1.5, 30.0);
        assertThat(n.get("target_counts").get("requests").asLong())
                .isEqualTo(n.get("ok").asLong());
        assertThat(n.get("bytes_down").asLong())
                .isEqualTo(n.get("target_counts").get("bytes_out").asLong());
    }

    @Test
    void aRateShapeOnTwoAgentsSendsExactlyTheItemsItSchedules() throws Exception {
        Path json = tmp.resolve("shaped.json");
        // 0 -> 400/s over 1 s, then 400/s for 1 s: 200 + 400 items, one schedule split across both agents
        Console.Ran r = run("--agents", "2", "--stages", "1s->400/s, 1s@400/s", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        assertThat(n.get("ok").asLong()).isEqualTo(600);
        assertThat(n.get("target_counts").get("requests").asLong()).isEqualTo(600);
        assertThat(n.get("parameters").get("stages").asText()).isEqualTo("1s->400/s,1s@400/s");
        assertThat(n.get("parameters").get("rate").asDouble()).isEqualTo(300.0);
        assertThat(n.get("parameters").get("duration_s").asDouble()).isEqualTo(2.0);
        // the last slot is at 1 s + 399 / 400 s
        assertThat(n.get("wall_s").asDouble()).isBetween(1.99, 30.0);
        assertThat(r.out()).contains("stages 1s->400/s,1s@400/s");
        // second by second from the agents' snapshots, to the run's end: the ramp, then the rate it holds
        JsonNode timeline = n.get("timeline");
        assertThat(timeline)
                .extracting(s -> s.get("t").asInt())
                .startsWith(1, 2)
                .hasSizeLessThanOrEqualTo(3);
        long ramp = timeline.get(0).get("items_per_s").asLong();
        long held = timeline.get(1).get("items_per_s").asLong();
        assertThat(ramp).isBetween(150L, 300L);
        assertThat(held).isBetween(340L, 460L);
        assertThat(timeline.get(1).get("p99_us").asLong()).isPositive();
    }

    @Test
    void aClosedShapeSetsTheItemsInFlightAndRefusesAConcurrencyBesideIt() throws Exception {
        Path json = tmp.resolve("closed.json");
        Console.Ran r = run("--stages", "1s@2,1s->6", "--target-latency", "20", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        assertThat(n.get("concurrency").asInt()).isEqualTo(6);
        assertThat(n.get("failed").asLong()).isZero();
        assertThat(n.get("target_counts").get("requests").asLong())
                .isEqualTo(n.get("ok").asLong())
                .isPositive();
        // at 20 ms per response: at most 2 * 50 in the first second and 4 * 50 on average in the second
        assertThat(n.get("ok").asLong()).isLessThan(2 * 50 + 6 * 50);
        assertBadInput(
                run("--stages", "1s@2", "--concurrency", "4"), "--concurrency and --stages", "drop --concurrency");
        assertBadInput(run("--stages", "1s@2/s", "--rate", "4"), "--rate and --stages", "drop --rate");
    }

    @Test
    void cpuWorkloadReportsItsResult() throws Exception {
        Path json = tmp.resolve("cpu.json");
        Console.Ran r = run("--model", "sync", "--workload", "squares", "--urls", "1000", "--json", json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Json.MAPPER.readTree(Files.readString(json)).get("result").asLong())
                .isEqualTo(1000L * 1001 * 2001 / 6);
    }
}
