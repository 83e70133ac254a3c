package io.loadgrid.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.SweepCli;
import io.loadgrid.coordinator.cluster.RemoteAgents;
import io.loadgrid.testbed.TargetConfig;
import io.loadgrid.testbed.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep driving agents that run on their own, as on other hosts: every run uses every agent present at the start. */
class SweepJoinTest {
    @TempDir
    Path tmp;

    @Test
    void sweepOnJoinedAgentsUsesAllOfThemInEveryRun() throws Exception {
        try (TargetServer target = TargetServer.start(TargetConfig.defaults());
                RemoteAgents agents = RemoteAgents.start(2, tmp, "sweep-join")) {
            Path plan = tmp.resolve("joined.yaml");
            Files.writeString(plan, """
                    name: joined
                    repetitions: 2
                    warmups: 1
                    defaults: {base: "http://127.0.0.1:%d", items: 800}
                    matrix:
                      model: [threads, async]
                      concurrency: [10]
                    """.formatted(target.port()));
            long before = target.stats().requests();
            List<String> args = new ArrayList<>(
                    List.of(plan.toString(), "--out", tmp.resolve("results").toString()));
            args.addAll(agents.joinArgs(50));
            Console.Ran r = Console.capture(SweepCli::execute, args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode doc = Json.MAPPER.readTree(SweepCliTest.sweepDir(tmp.resolve("results"))
                    .resolve("results.json")
                    .toFile());
            assertThat(doc.get("environment").get("mode").asText()).isEqualTo("cluster");
            assertThat(doc.get("environment").get("agents")).hasSize(2);
            for (JsonNode cell : doc.get("cells")) {
                assertThat(cell.get("status").asText()).isEqualTo("done");
                for (JsonNode run : cell.get("runs")) {
                    assertThat(run.get("nodes")).hasSize(2);
                    assertThat(run.get("ok").asLong()).isEqualTo(800);
                    assertThat(run.get("bytes_down").asLong())
                            .isEqualTo(run.get("target_counts").get("bytes_out").asLong());
                }
            }
            // 2 cells x (1 warm-up + 2 runs) x 800 items, each sent once
            assertThat(target.stats().requests() - before).isEqualTo(2 * 3 * 800);
        }
    }
}
