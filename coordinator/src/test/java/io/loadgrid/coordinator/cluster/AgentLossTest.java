package io.loadgrid.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.Role;
import io.loadgrid.coordinator.cli.ChildOutput;
import io.loadgrid.testbed.TargetConfig;
import io.loadgrid.testbed.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent killed mid-run (kill -9): its uncommitted chunks go to the others, every item counts exactly once, and
 * the result names the lost node and the chunks that were run again.
 */
class AgentLossTest {
    @TempDir
    Path tmp;

    @Test
    void aKilledAgentsChunksAreReRunAndEveryItemCountsOnce() throws Exception {
        Path json = tmp.resolve("result.json");
        try (TargetServer target = TargetServer.start(TargetConfig.defaults())) {
            var run = CompletableFuture.supplyAsync(() -> CoordinatorLossTest.run(java.util.List.of(
                    "--agents",
                    "3",
                    "--base",
                    "http://127.0.0.1:" + target.port(),
                    "--rate",
                    "2000",
                    "--urls",
                    "24000",
                    "--concurrency",
                    "20",
                    "--json",
                    json.toString())));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (target.stats().requests() < 4000 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ProcessHandle victim = ProcessHandle.current()
                    .descendants()
                    .filter(p -> ChildOutput.commandLine(p).contains(Role.AGENT.mainClass()))
                    .findFirst()
                    .orElseThrow();
            victim.destroyForcibly(); // SIGKILL
            io.loadgrid.coordinator.cli.Console.Ran r = run.get(180, TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.out() + r.err()).isZero();
            assertThat(r.err()).contains("left the cluster", "uncommitted chunk(s) go to the others");
            JsonNode n = Json.MAPPER.readTree(Files.readString(json));
            assertThat(n.get("items").asLong()).isEqualTo(24_000);
            assertThat(n.get("ok").asLong()).isEqualTo(24_000);
            JsonNode c = n.get("cluster");
            assertThat(c.get("lost_nodes")).hasSize(1);
            assertThat(c.get("missing_items").asLong()).isZero();
            assertThat(c.get("chunks_released").asLong()).isPositive();
            assertThat(c.get("chunks_rerun").asLong())
                    .isPositive()
                    .isLessThanOrEqualTo(c.get("chunks_released").asLong());
            long lostCount = 0;
            long perNode = 0;
            for (JsonNode node : n.get("nodes")) {
                lostCount += node.get("lost").asBoolean() ? 1 : 0;
                perNode += node.get("result").get("items").asLong();
            }
            assertThat(lostCount).isEqualTo(1);
            assertThat(perNode).isEqualTo(24_000);
            // the lost agent's uncommitted requests were really sent, and sent again by the others
            assertThat(n.get("target_counts").get("requests").asLong()).isGreaterThan(24_000);
            System.out.printf(
                    "agent killed: %d chunk(s) released, %d re-run, target counted %d requests for 24000 items%n",
                    c.get("chunks_released").asLong(),
                    c.get("chunks_rerun").asLong(),
                    n.get("target_counts").get("requests").asLong());
        }
    }
}
