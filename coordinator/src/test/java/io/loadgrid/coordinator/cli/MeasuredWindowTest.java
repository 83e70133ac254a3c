package io.loadgrid.coordinator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CPU figures cover exactly the measured window, start instant to last completion: one sender thread busy on a CPU
 * kernel for the whole of a 1 s run is one core busy. Divided by a window that also held the start announcement and
 * the report, the same run read about 75%, and the saturation rule could never fire on a short cell.
 */
class MeasuredWindowTest {
    @TempDir
    Path tmp;

    @Test
    void aSenderBusyForTheWholeRunReadsAsOneFullCore() throws Exception {
        Path json = tmp.resolve("result.json");
        Console.Ran r = RunCliTest.run(
                "--model",
                "sync",
                "--workload",
                "sqrt-sum",
                "--iterations",
                "20000",
                "--duration",
                "1s",
                "--json",
                json.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(Files.readString(json));
        double busiest = n.get("busiest_thread_pct").asDouble();
        double process = n.get("cpu_process_pct").get("avg").asDouble();
        System.out.printf(
                "sync sqrt-sum for 1 s: busiest thread %.1f%%, process %.1f%% of one core, wall %.3f s%n",
                busiest, process, n.get("wall_s").asDouble());
        assertThat(busiest).as("the sender thread, %% of one core").isBetween(85.0, 101.0);
        assertThat(process).as("the agent process, %% of one core").isGreaterThanOrEqualTo(85.0);
    }
}
