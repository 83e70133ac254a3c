package io.loadgrid.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.cli.ExitCode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.JavaProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ctrl-C during a run: what was measured is reported, exactly, not lost. */
class InterruptTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"threads", "multiprocess"})
    void firstInterruptFinishesInFlightItemsAndReportsThem(String model) throws Exception {
        Path json = tmp.resolve(model + ".json");
        Process run = JavaProcess.builder(
                        RunCli.class.getName(),
                        List.of("--model", model, "--urls", "50000000", "--json", json.toString()))
                .redirectOutput(tmp.resolve("out.txt").toFile())
                .start();
        awaitLoad(tmp.resolve("out.txt"));
        Thread.sleep(1500);
        // as a terminal does it: SIGINT to the whole process group would also reach the children, which ignore it
        new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start().waitFor();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(run.exitValue()).isEqualTo(ExitCode.INTERRUPTED.code());
        JsonNode r = Json.MAPPER.readTree(Files.readString(json));
        assertThat(r.get("interrupted").asBoolean()).isTrue();
        assertThat(r.get("ok").asLong()).isPositive().isLessThan(50_000_000);
        assertThat(r.get("failed").asLong()).isZero();
        assertThat(r.get("target_counts").get("requests").asLong())
                .isEqualTo(r.get("ok").asLong());
        assertThat(r.get("bytes_down").asLong())
                .isEqualTo(r.get("target_counts").get("bytes_out").asLong());
        assertThat(Files.readString(tmp.resolve("out.txt")))
                .contains("interrupted: these figures cover the items that ran");
    }

    private static void awaitLoad(Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.exists(out) && Files.readString(out).contains("loadgrid run: ")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run never started");
    }
}
