package io.loadgrid.coordinator.sweep;

import static io.loadgrid.coordinator.cli.ChildOutput.awaitText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.SweepCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in the middle of a sweep keeps every completed cell; --resume runs only what is left. */
class SweepResumeTest {
    @TempDir
    Path tmp;

    @Test
    void interruptedSweepResumesWithoutRedoingCompletedCells() throws Exception {
        Path plan = tmp.resolve("two.yaml");
        Files.writeString(plan, """
                name: two
                repetitions: 1
                warmups: 0
                defaults: {model: async, concurrency: 10, target_latency_ms: 1}
                include:
                  - {name: short, items: 500}
                  - {name: timed, duration: 3s}
                """);
        Path results = tmp.resolve("results");
        Path err = tmp.resolve("err.txt");
        Process sweep = SweepCliTest.startSweep(plan, results, tmp.resolve("out.txt"), err);
        awaitText(err, "[2/2 c02] timed · run 1/1 on");
        Thread.sleep(1000);
        new ProcessBuilder("kill", "-INT", Long.toString(sweep.pid())).start().waitFor();
        assertThat(sweep.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(sweep.exitValue()).as(Files.readString(err)).isEqualTo(ExitCode.INTERRUPTED.code());
        assertThat(Files.readString(tmp.resolve("out.txt"))).contains("--resume two-");

        Path dir = SweepCliTest.sweepDir(results);
        JsonNode before = Json.MAPPER.readTree(dir.resolve("results.json").toFile());
        assertThat(before.get("cells").get(0).get("status").asText()).isEqualTo("done");
        JsonNode partial = before.get("cells").get(1);
        assertThat(partial.get("status").asText()).isEqualTo("interrupted");
        assertThat(partial.get("runs").get(0).get("interrupted").asBoolean()).isTrue();
        assertThat(partial.get("runs").get(0).get("ok").asLong()).isPositive();

        var resumed = Console.capture(
                SweepCli::execute, "--resume", dir.getFileName().toString(), "--out", results.toString());
        assertThat(resumed.exit()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("short: done before, kept").doesNotContain("short · run");
        JsonNode after = Json.MAPPER.readTree(dir.resolve("results.json").toFile());
        assertThat(after.get("cells").get(0)).isEqualTo(before.get("cells").get(0));
        assertThat(after.get("cells").get(1).get("status").asText()).isEqualTo("done");
        assertThat(after.get("cells").get(1).get("runs").get(0).has("interrupted"))
                .isFalse();
    }
}
