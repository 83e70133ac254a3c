package io.loadgrid.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.SweepCli;
import io.loadgrid.report.cli.CompareCli;
import io.loadgrid.report.cli.ReportCli;
import io.loadgrid.report.sweep.Chromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep as a user runs it on the embedded default: every output written, re-rendered, compared. */
public class SweepCliTest {
    @TempDir
    Path tmp;

    static final String PLAN = """
            name: tiny
            repetitions: 2
            warmups: 1
            defaults: {items: 600, target_latency_ms: 1}
            matrix:
              model: [threads, async]
              concurrency: [20]
            include:
              - {name: async on 2 agents, model: async, concurrency: 20, agents: 2}
            """;

    @Test
    void sweepWritesEveryOutputFromMergedRepetitions() throws Exception {
        Path plan = tmp.resolve("tiny.yaml");
        Files.writeString(plan, PLAN);
        Console.Ran r = Console.capture(
                SweepCli::execute,
                plan.toString(),
                "--out",
                tmp.resolve("results").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path dir = sweepDir(tmp.resolve("results"));
        JsonNode doc = Json.MAPPER.readTree(dir.resolve("results.json").toFile());
        assertThat(doc.get("schema").asInt()).isEqualTo(1);
        assertThat(doc.get("environment").get("agents")).hasSize(2);
        assertThat(doc.get("cells")).hasSize(3);
        for (JsonNode cell : doc.get("cells")) {
            assertThat(cell.get("status").asText()).isEqualTo("done");
            assertThat(cell.get("runs")).hasSize(2);
            for (JsonNode run : cell.get("runs")) {
                // every run is a full cluster run: exact counts, bytes equal to the target's own
                assertThat(run.get("ok").asLong()).isEqualTo(600);
                assertThat(run.get("target_counts").get("requests").asLong()).isEqualTo(600);
                assertThat(run.get("bytes_down").asLong())
                        .isEqualTo(run.get("target_counts").get("bytes_out").asLong());
            }
            // the cell's latency comes from both runs' histograms added together
            assertThat(cell.get("latency_us").get("count").asLong()).isEqualTo(1200);
            JsonNode wall = cell.get("totals").get("wall_s");
            assertThat(wall.get("n").asInt()).isEqualTo(2);
            double mean = (cell.get("runs").get(0).get("wall_s").asDouble()
                            + cell.get("runs").get(1).get("wall_s").asDouble())
                    / 2;
            assertThat(wall.get("mean").asDouble()).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-9));
        }
        assertThat(doc.get("cells").get(2).get("runs").get(0).get("nodes")).hasSize(2);
        assertThat(Files.readAllLines(dir.resolve("results.csv"))).hasSize(1 + 3 * 2);
        String summary = Files.readString(dir.resolve("summary.md"));
        assertThat(summary)
                .contains("times faster than")
                .contains("| Execution Time")
                .contains("| Download Speed")
                .contains("| c01  | threads")
                .contains("async on 2 agents");
        assertThat(r.out()).contains("times faster than");
        for (String plot : new String[] {
            "execution_time", "throughput", "cpu", "memory", "failures", "latency_percentiles", "latency_distribution"
        }) {
            assertThat(javax.imageio.ImageIO.read(
                            dir.resolve("plots/" + plot + ".png").toFile()))
                    .as(plot)
                    .isNotNull();
            assertThat(summary).contains("](plots/" + plot + ".png)");
        }
        // the real report, as a browser renders it: every plot written decoded, the overview and the three cell tables
        long written;
        try (Stream<Path> pngs = Files.list(dir.resolve("plots"))) {
            written = pngs.filter(f -> f.toString().endsWith(".png")).count();
        }
        assertThat(written).isGreaterThanOrEqualTo(7);
        String body = new Chromium(tmp).renderedBody(dir.resolve("report.html"));
        assertThat(body).contains("data-rendered=\"" + written + "\"", "data-tables=\"4\"");
        assertThat(r.err()).contains("[1/3 c01]").contains("run 2/2").contains("warm-up 1/1");

        // report re-renders the same summary from results.json alone
        Files.delete(dir.resolve("summary.md"));
        Console.Ran report = Console.capture(ReportCli::execute, dir.toString());
        assertThat(report.exit()).as(report.err()).isZero();
        assertThat(Files.readString(dir.resolve("summary.md"))).isEqualTo(summary);

        // compare: a sweep against itself has no regression; one whose first cell took three times as long has
        assertThat(Console.capture(CompareCli::execute, dir.toString(), dir.toString())
                        .exit())
                .isZero();
        Path slower = slowedCopy(dir, tmp.resolve("slower"));
        Console.Ran cmp = Console.capture(CompareCli::execute, dir.toString(), slower.toString(), "--threshold", "10");
        assertThat(cmp.exit()).as(cmp.out() + cmp.err()).isEqualTo(1);
        assertThat(cmp.out()).contains("REGRESSION").contains("Execution Time").contains("1 regression(s)");
        // a cell that B could not complete is a regression too, however fast the others were
        Path broken = tmp.resolve("broken");
        Files.createDirectories(broken);
        ObjectNode doc2 =
                (ObjectNode) Json.MAPPER.readTree(dir.resolve("results.json").toFile());
        ((ObjectNode) doc2.get("cells").get(1)).put("status", "failed");
        Files.writeString(broken.resolve("results.json"), Json.MAPPER.writeValueAsString(doc2));
        Console.Ran lost = Console.capture(CompareCli::execute, dir.toString(), broken.toString());
        assertThat(lost.exit()).isEqualTo(1);
        assertThat(lost.out()).contains("completed (1 yes, 0 no)");
    }

    @Test
    void badPlanAndUnknownSweepGetOneLineAndExitTwo() throws Exception {
        Path plan = tmp.resolve("bad.yaml");
        Files.writeString(plan, "name: bad\nmatrix:\n  model: [async]\n  concurrency: [ten]\n");
        Console.Ran bad = Console.capture(SweepCli::execute, plan.toString(), "--out", tmp.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(bad.err()).contains("bad.yaml:4").contains("concurrency");
        Console.Ran unknown = Console.capture(SweepCli::execute, "--resume", "nope", "--out", tmp.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("no sweep nope");
        Console.Ran notSweep = Console.capture(ReportCli::execute, tmp.toString());
        assertThat(notSweep.exit()).isEqualTo(2);
        assertThat(notSweep.err()).contains("has no results.json");
    }

    /** A sweep of {@code plan} in a JVM of its own, writing into {@code results}; its stdout and stderr in files. */
    static Process startSweep(Path plan, Path results, Path out, Path err) throws IOException {
        return JavaProcess.builder(SweepCli.class.getName(), List.of(plan.toString(), "--out", results.toString()))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
    }

    static Path sweepDir(Path results) throws Exception {
        try (Stream<Path> dirs = Files.list(results)) {
            return dirs.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }

    /** A copy of a sweep whose first cell took three times as long in every run and on average. */
    private static Path slowedCopy(Path dir, Path to) throws Exception {
        Files.createDirectories(to);
        ObjectNode doc =
                (ObjectNode) Json.MAPPER.readTree(dir.resolve("results.json").toFile());
        ObjectNode wall = (ObjectNode) doc.get("cells").get(0).get("totals").get("wall_s");
        wall.put("mean", wall.get("mean").asDouble() * 3);
        Files.writeString(to.resolve("results.json"), Json.MAPPER.writeValueAsString(doc));
        return to;
    }
}
