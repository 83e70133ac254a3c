package io.loadgrid.coordinator.sweep;

import static io.loadgrid.coordinator.cli.ChildOutput.awaitText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.SweepCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator killed (kill -9) in the middle of a sweep's second cell: its local agents and target go with it,
 * and --resume keeps the completed cell as it was, redoes the cut one and runs the rest.
 */
class SweepKillTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledSweepResumesKeepingItsCompletedCellsAsTheyWere() throws Exception {
        Path plan = tmp.resolve("three.yaml");
        Files.writeString(plan, """
                name: three
                repetitions: 1
                warmups: 0
                defaults: {model: async, concurrency: 10, target_latency_ms: 1}
                include:
                  - {name: first, items: 500}
                  - {name: cut, duration: 8s}
                  - {name: last, items: 300}
                """);
        Path results = tmp.resolve("results");
        Path err = tmp.resolve("err.txt");
        Process sweep = SweepCliTest.startSweep(plan, results, tmp.resolve("out.txt"), err);
        List<ProcessHandle> children = List.of();
        try {
            awaitText(err, "[2/3 c02] cut · run 1/1 on");
            Thread.sleep(1500);
            children = sweep.descendants().toList();
            assertThat(children).as("the local agent and the target").hasSizeGreaterThanOrEqualTo(2);
            sweep.destroyForcibly();
            assertThat(sweep.waitFor(30, TimeUnit.SECONDS)).isTrue();
            long killed = System.nanoTime();
            for (ProcessHandle child : children) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat((System.nanoTime() - killed) / 1e9)
                    .as("seconds until the coordinator's agents and target were gone")
                    .isLessThan(10.0);
        } finally {
            sweep.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }

        Path dir = SweepCliTest.sweepDir(results);
        byte[] firstCsvRow = csvRow(dir, "first");
        JsonNode before = Json.MAPPER.readTree(dir.resolve("results.json").toFile());
        assertThat(before.get("cells").get(0).get("status").asText()).isEqualTo("done");
        assertThat(before.get("cells").get(1).get("status").asText()).isNotEqualTo("done");

        Console.Ran resumed = Console.capture(
                SweepCli::execute, "--resume", dir.getFileName().toString(), "--out", results.toString());
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err())
                .contains("first: done before, kept", "cut · run 1/1", "last · run 1/1")
                .doesNotContain("first · run");
        JsonNode after = Json.MAPPER.readTree(dir.resolve("results.json").toFile());
        assertThat(after.get("cells").get(0)).isEqualTo(before.get("cells").get(0));
        assertThat(csvRow(dir, "first")).isEqualTo(firstCsvRow);
        for (JsonNode cell : after.get("cells")) {
            assertThat(cell.get("status").asText())
                    .as(cell.get("name").asText())
                    .isEqualTo("done");
        }
        assertThat(after.get("cells").get(1).get("runs").get(0).get("wall_s").asDouble())
                .as("the cut cell ran whole again")
                .isGreaterThanOrEqualTo(7.9);
    }

    /** The cell's line of results.csv, as bytes. */
    private static byte[] csvRow(Path dir, String name) throws Exception {
        return Files.readAllLines(dir.resolve("results.csv")).stream()
                .filter(l -> l.contains("," + name + ","))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + name))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
