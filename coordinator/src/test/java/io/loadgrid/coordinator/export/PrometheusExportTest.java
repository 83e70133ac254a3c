package io.loadgrid.coordinator.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.metrics.Spread;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.RunCli;
import io.loadgrid.deploy.Dashboards;
import io.loadgrid.deploy.DashboardsTest;
import io.loadgrid.deploy.ExternalTool;
import io.loadgrid.deploy.PromqlNames;
import io.loadgrid.testbed.TargetConfig;
import io.loadgrid.testbed.TargetServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Prometheus servers scrape the coordinator while a two-agent run lasts; afterwards PromQL over what they stored
 * must give exactly the run's results.json: requests, bytes and latency counts, in total and per node. One server
 * ingests the classic buckets, the other (native histograms on) the native histogram.
 */
class PrometheusExportTest {
    @TempDir
    Path dir;

    @Test
    void promqlTotalsEqualTheRunResult() throws Exception {
        int port = PrometheusServer.freePort();
        String target = "127.0.0.1:" + port;
        Path json = dir.resolve("run.json");
        long started = System.currentTimeMillis() / 1000;
        try (PrometheusServer classic = PrometheusServer.start(dir.resolve("classic"), target, false);
                PrometheusServer nativeHist = PrometheusServer.start(dir.resolve("native"), target, true)) {
            AtomicBoolean over = new AtomicBoolean();
            AtomicReference<String> liveScrape = new AtomicReference<>();
            CompletableFuture<Void> watcher = CompletableFuture.runAsync(() -> watch(target, over, liveScrape));
            Console.Ran ran = Console.capture(
                    RunCli::execute,
                    "--model",
                    "async",
                    "--concurrency",
                    "20",
                    "--urls",
                    "6000",
                    "--rate",
                    "1500",
                    "--target-latency",
                    "1",
                    "--agents",
                    "2",
                    "--json",
                    json.toString(),
                    "--metrics-port",
                    Integer.toString(port));
            over.set(true);
            // the coordinator stopped serving /metrics when the run ended: ask what Prometheus held at that instant
            double ended = System.currentTimeMillis() / 1000.0;
            classic.at(ended);
            nativeHist.at(ended);
            watcher.get(10, TimeUnit.SECONDS);
            assertThat(ran.exit()).as(ran.err()).isZero();
            assertThat(ran.out()).contains("Prometheus metrics on http://127.0.0.1:" + port + "/metrics");
            RunResult r = Json.read(Files.readString(json), RunResult.class);
            assertThat(r.counts().ok()).isEqualTo(6000);

            assertThat(classic.scalar("sum(loadgrid_requests_total{outcome=\"ok\"})"))
                    .isEqualTo(r.counts().ok());
            assertThat(classic.scalar("sum(loadgrid_requests_total{outcome!=\"ok\"})"))
                    .isEqualTo(r.counts().failed());
            assertThat(classic.scalar("sum(loadgrid_upload_bytes_total)"))
                    .isEqualTo(r.bytes().bytesUp());
            assertThat(classic.scalar("sum(loadgrid_download_bytes_total)"))
                    .isEqualTo(r.bytes().bytesDown());
            assertThat(r.bytes().bytesUp()).isEqualTo(r.targetCounts().bytesIn());
            assertThat(classic.scalar("sum(loadgrid_latency_seconds_count)"))
                    .isEqualTo(r.latency().latencyUs().count());
            assertThat(classic.scalar("sum(loadgrid_latency_seconds_bucket{le=\"+Inf\"})"))
                    .isEqualTo(r.latency().latencyUs().count());
            assertThat(classic.scalar("sum(loadgrid_latency_seconds_sum)")
                            / r.latency().latencyUs().count()
                            * 1e6)
                    .isCloseTo(r.latency().latencyUs().mean(), org.assertj.core.data.Percentage.withPercentage(1));
            for (Spread.NodeResult n : r.spread().nodes()) {
                String node = "{node=\"" + n.address() + "\"}";
                assertThat(classic.scalar("sum(loadgrid_requests_total" + node + ")"))
                        .as(n.address())
                        .isEqualTo(n.result().counts().items());
                assertThat(classic.scalar("sum(loadgrid_download_bytes_total" + node + ")"))
                        .isEqualTo(n.result().bytes().bytesDown());
            }
            assertThat(classic.scalar("count(count by (node) (loadgrid_requests_total))"))
                    .isEqualTo(2);
            assertThat(classic.scalar("max(loadgrid_cell_runs_done)")).isEqualTo(1);
            assertThat(classic.scalar("max(loadgrid_agents_up)")).isEqualTo(2);
            // Prometheus saw the run live, not just its end: a stored sample strictly between nothing and everything
            assertThat(classic.scalar("max_over_time(sum(loadgrid_requests_total)[5m:1s]) > 0 and "
                            + "min_over_time((sum(loadgrid_requests_total) > 0)[5m:1s]) < 6000"))
                    .isGreaterThan(0);
            assertThat(classic.scalar("max(max_over_time(loadgrid_in_flight[5m]))"))
                    .isBetween(1.0, 20.0);
            assertThat(classic.scalar("max(max_over_time(loadgrid_agent_rss_bytes[5m]))"))
                    .isGreaterThan(10e6);

            // classic bounds are at most 1.5x apart: the interpolated p99 lies within the exact one's bucket
            double classicP99 =
                    classic.scalar("histogram_quantile(0.99, sum by (le) (loadgrid_latency_seconds_bucket))") * 1e6;
            assertThat(classicP99)
                    .isBetween(
                            r.latency().latencyUs().p99() / 1.5,
                            r.latency().latencyUs().p99() * 1.5);
            assertThat(nativeHist.scalar("histogram_count(sum(loadgrid_latency_seconds))"))
                    .isEqualTo(r.latency().latencyUs().count());
            assertThat(nativeHist.scalar("sum(loadgrid_requests_total)"))
                    .isEqualTo(r.counts().items());
            double p99 = nativeHist.scalar("histogram_quantile(0.99, sum(loadgrid_latency_seconds))") * 1e6;
            // native buckets are 2^(1/8) (9%) wide: the interpolated p99 lies within a bucket of the exact one
            assertThat(p99)
                    .isBetween(
                            r.latency().latencyUs().p99() / 1.1,
                            r.latency().latencyUs().p99() * 1.1);

            Path scrape = dir.resolve("scrape.txt");
            assertThat(liveScrape.get()).as("a scrape while the run was live").contains("loadgrid_in_flight{");
            Files.writeString(scrape, liveScrape.get());
            Path promtool = ExternalTool.require("promtool", "install it with: apt-get install prometheus");
            Process check = new ProcessBuilder(promtool.toString(), "check", "metrics")
                    .redirectInput(scrape.toFile())
                    .redirectErrorStream(true)
                    .start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor()).as(said).isZero();

            dashboardsNameOnlyScrapedMetrics(sampleNames(liveScrape.get()));
            dashboardQueriesShowTheRun(classic, started, System.currentTimeMillis() / 1000 + 1);
        }
    }

    /**
     * Every metric a Grafana panel queries is one a real scrape contains: the coordinator's (above) or a real
     * target's; and the list the dashboard test checks offline is exactly what the coordinator exports.
     */
    private static void dashboardsNameOnlyScrapedMetrics(Set<String> coordinator) throws Exception {
        Set<String> target;
        try (TargetServer server = TargetServer.start(TargetConfig.defaults())) {
            target = sampleNames(HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        }
        assertThat(coordinator).isEqualTo(DashboardsTest.CONTRACT_NAMES);
        assertThat(target).containsAll(DashboardsTest.TARGET_NAMES);
        List<String> unknown = new ArrayList<>();
        for (Dashboards.Query q : Dashboards.allQueries()) {
            for (String name : PromqlNames.names(q.expr())) {
                if (!coordinator.contains(name) && !target.contains(name)) {
                    unknown.add(q + " -> " + name);
                }
            }
        }
        assertThat(Dashboards.allQueries()).hasSizeGreaterThan(20);
        assertThat(unknown).as("dashboard queries naming metrics no scrape has").isEmpty();
    }

    /**
     * Every dashboard query runs on the Prometheus that stored the run, as Grafana would send it over the run's time
     * range (variables as "all", intervals filled in; panels as range queries, variables as series lookups), and each
     * one over coordinator metrics has data: a panel would show the run, not "No data".
     */
    private static void dashboardQueriesShowTheRun(PrometheusServer prometheus, long start, long end) throws Exception {
        List<String> empty = new ArrayList<>();
        int asked = 0;
        for (Dashboards.Query q : Dashboards.allQueries()) {
            String promql = Dashboards.promql(q.expr());
            if (promql == null || PromqlNames.names(promql).stream().anyMatch(DashboardsTest.TARGET_NAMES::contains)) {
                continue; // the target's panels read another scrape job, which this Prometheus does not have
            }
            asked++;
            String expr = DashboardsTest.grafanaToPromql(promql);
            JsonNode result =
                    q.variable() ? prometheus.series(expr, start, end) : prometheus.queryRange(expr, start, end, 1);
            if (result.isEmpty()) {
                empty.add(q.toString());
            }
        }
        assertThat(asked).isGreaterThan(20);
        assertThat(empty).as("dashboard queries with no data right after a run").isEmpty();
    }

    /** The sample names of a text-format scrape (counters with _total, histograms as _bucket/_count/_sum). */
    static Set<String> sampleNames(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /**
     * Scrapes /metrics as Prometheus would until the run is over, keeping the last scrape taken while items were in
     * flight.
     */
    private static void watch(String target, AtomicBoolean over, AtomicReference<String> liveScrape) {
        HttpClient http = HttpClient.newHttpClient();
        while (!over.get()) {
            try {
                String text = http.send(
                                HttpRequest.newBuilder(URI.create("http://" + target + "/metrics"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();
                if (text.contains("loadgrid_in_flight{") && text.contains("loadgrid_agent_cpu_process_percent{")) {
                    liveScrape.set(text);
                }
            } catch (Exception notUpYet) {
                // the coordinator starts its endpoint a moment after the command starts
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
