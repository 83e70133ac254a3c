package io.loadgrid.coordinator.daemon;

import static io.loadgrid.coordinator.cli.ChildOutput.awaitText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.CoordinatorCli;
import io.loadgrid.coordinator.cli.SweepCli;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-lived coordinator (its own JVM, local agents) runs sweeps submitted with {@code sweep --coordinator}, keeps
 * their final values on /metrics between sweeps, refuses a bad plan in one line without stopping, and stops a sweep
 * whose client went away, keeping what it measured.
 */
class CoordinatorDaemonTest {
    @TempDir
    Path tmp;

    @Test
    void runsSubmittedSweepsAndKeepsServing() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port;
        Path results = tmp.resolve("results");
        Path log = tmp.resolve("coordinator.log");
        Process daemon = JavaProcess.builder(
                        CoordinatorCli.class.getName(),
                        List.of(
                                "--agents",
                                "1",
                                "--metrics-port",
                                Integer.toString(port),
                                "--metrics-host",
                                "127.0.0.1",
                                "--out",
                                results.toString(),
                                "--accept-sweeps-from",
                                "127.0.0.1/32"))
                .redirectError(log.toFile())
                .start();
        try {
            assertThat(JavaProcess.awaitLine(daemon, "loadgrid coordinator:"))
                    .contains("--coordinator http://127.0.0.1:" + port);
            Path plan = tmp.resolve("tiny.yaml");
            Files.writeString(plan, """
                    name: tiny
                    repetitions: 1
                    warmups: 1
                    defaults: {workload: seed, items: 300, target_latency_ms: 1, concurrency: 10}
                    matrix:
                      model: [async, threads]
                    """);
            Console.Ran ran = Console.capture(SweepCli::execute, plan.toString(), "--coordinator", url);
            assertThat(ran.exit()).as(ran.err()).isZero();
            assertThat(ran.out()).contains("wrote " + results);
            assertThat(ran.err()).contains("[2/2 c02] threads · run 1/1: ");
            Path dir = onlySweep(results);
            JsonNode cells =
                    Json.MAPPER.readTree(dir.resolve("results.json").toFile()).get("cells");
            assertThat(cells)
                    .hasSize(2)
                    .allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("done"));

            String sweep = dir.getFileName().toString();
            String metrics = scrape(url);
            assertThat(metrics)
                    .contains("loadgrid_sweep_cells_done{sweep=\"" + sweep + "\"} 2.0")
                    .contains("loadgrid_agents_up 1.0");
            // each cell's warm-up is traffic, exported apart from the measured run that makes its result
            assertThat(okRequests(metrics, "steady")).isEqualTo(600);
            assertThat(okRequests(metrics, "warmup")).isEqualTo(600);
            assertThat(metrics.lines()
                            .filter(l ->
                                    l.startsWith("loadgrid_cell_wall_seconds_total{") && l.contains("phase=\"warmup\""))
                            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))))
                    .as("both cells' warm-ups took wall time of their own")
                    .hasSize(2)
                    .allSatisfy(wall -> assertThat(wall).isPositive());
            assertThat(metrics).doesNotContain("phase=\"search\"");

            Files.writeString(tmp.resolve("bad.yaml"), "name: bad\nmatrix:\n  concurrency: [ten]\n");
            Console.Ran bad =
                    Console.capture(SweepCli::execute, tmp.resolve("bad.yaml").toString(), "--coordinator", url);
            assertThat(bad.exit()).isEqualTo(2);
            assertThat(bad.err().strip())
                    .startsWith("loadgrid sweep: ")
                    .contains("bad.yaml:3")
                    .doesNotContain("\n");

            // a source outside --accept-sweeps-from (another loopback address here) is refused before its plan is read
            try (HttpClient stranger = HttpClient.newBuilder()
                    .localAddress(InetAddress.getByName("127.0.0.2"))
                    .build()) {
                HttpResponse<String> refused = stranger.send(
                        HttpRequest.newBuilder(URI.create(url + "/sweeps"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(refused.statusCode()).isEqualTo(403);
                assertThat(refused.body()).contains("--accept-sweeps-from including 127.0.0.2");
            }
            try (Stream<Path> dirs = Files.list(results)) {
                assertThat(dirs).as("nothing ran for the stranger").hasSize(1);
            }

            Path longPlan = tmp.resolve("long.yaml");
            Files.writeString(
                    longPlan,
                    Files.readString(plan)
                            .replace("items: 300", "items: 3000000")
                            .replace("warmups: 1", "warmups: 0"));
            Path clientErr = tmp.resolve("client.err");
            Process client = JavaProcess.builder(
                            SweepCli.class.getName(), List.of(longPlan.toString(), "--coordinator", url))
                    .redirectError(clientErr.toFile())
                    .redirectOutput(tmp.resolve("client.out").toFile())
                    .start();
            awaitText(clientErr, "progress: ");
            client.destroyForcibly().waitFor();
            awaitText(log, "went away; stopping it");
            awaitText(log, "not every cell completed; continue with: ./loadgrid sweep --resume tiny-");
            Path stopped;
            try (Stream<Path> dirs = Files.list(results)) {
                stopped = dirs.filter(d -> !d.equals(dir)).findFirst().orElseThrow();
            }
            JsonNode first = Json.MAPPER
                    .readTree(stopped.resolve("results.json").toFile())
                    .get("cells")
                    .get(0);
            assertThat(first.get("status").asText()).isEqualTo("interrupted");
            assertThat(first.get("runs").get(0).get("ok").asLong()).isPositive().isLessThan(3_000_000);
            assertThat(daemon.isAlive()).isTrue();
            assertThat(scrape(url)).contains("loadgrid_sweep_cells_done{sweep=\"" + sweep + "\"} 2.0");
        } finally {
            daemon.destroy();
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    private static Path onlySweep(Path results) throws Exception {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.findFirst().orElseThrow();
        }
    }

    /** The ok requests a scrape counts in {@code phase}, every cell and agent together. */
    private static double okRequests(String metrics, String phase) {
        return metrics.lines()
                .filter(l -> l.startsWith("loadgrid_requests_total{")
                        && l.contains("outcome=\"ok\"")
                        && l.contains("phase=\"" + phase + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static String scrape(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }
}
