package io.loadgrid.coordinator.sweep;

import static io.loadgrid.coordinator.cli.ChildOutput.awaitText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.Role;
import io.loadgrid.coordinator.cli.ChildOutput;
import io.loadgrid.testbed.TargetConfig;
import io.loadgrid.testbed.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One agent killed (kill -9) in each of a sweep's three cells, three kills in a row: the sweep finishes, every item of
 * every cell counts exactly once, and its results and both reports name each lost agent.
 */
class SweepAgentLossTest {
    private static final int CELLS = 3;
    private static final long ITEMS = 6_000;

    @TempDir
    Path tmp;

    @Test
    void threeKillsInOneSweepEachNamedAndNoItemCountedTwice() throws Exception {
        try (TargetServer target = TargetServer.start(TargetConfig.defaults())) {
            Path plan = tmp.resolve("kills.yaml");
            Files.writeString(plan, """
                    name: kills
                    repetitions: 1
                    warmups: 0
                    defaults:
                      {model: async, concurrency: 20, agents: 3, items: %d, rate: 1500, base: "http://127.0.0.1:%d"}
                    include:
                      - {name: one}
                      - {name: two, model: threads}
                      - {name: three, model: virtual}
                    """.formatted(ITEMS, target.port()));
            Path results = tmp.resolve("results");
            Path err = tmp.resolve("err.txt");
            Process sweep = SweepCliTest.startSweep(plan, results, tmp.resolve("out.txt"), err);
            Set<Long> killed = new HashSet<>();
            try {
                for (int cell = 1; cell <= CELLS; cell++) {
                    awaitText(err, "[" + cell + "/" + CELLS + " c0" + cell + "] ");
                    long from = target.stats().requests();
                    awaitRequests(target, from + 1_500);
                    ProcessHandle victim = sweep.descendants()
                            .filter(ProcessHandle::isAlive)
                            .filter(p -> !killed.contains(p.pid()))
                            .filter(p -> ChildOutput.commandLine(p).contains(Role.AGENT.mainClass()))
                            .findFirst()
                            .orElseThrow();
                    killed.add(victim.pid());
                    victim.destroyForcibly();
                }
                assertThat(sweep.waitFor(180, TimeUnit.SECONDS)).isTrue();
            } finally {
                sweep.destroyForcibly();
                sweep.descendants().forEach(ProcessHandle::destroyForcibly);
            }
            String stderr = Files.readString(err);
            assertThat(sweep.exitValue()).as(stderr).isZero();
            assertThat(killed).hasSize(CELLS);
            assertThat(stderr.split("left the cluster", -1)).as(stderr).hasSize(CELLS + 1);

            Path dir = SweepCliTest.sweepDir(results);
            JsonNode doc = Json.MAPPER.readTree(dir.resolve("results.json").toFile());
            List<String> lost = new ArrayList<>();
            for (JsonNode cell : doc.get("cells")) {
                String name = cell.get("name").asText();
                assertThat(cell.get("status").asText()).as(name).isEqualTo("done");
                JsonNode run = cell.get("runs").get(0);
                assertThat(run.get("items").asLong()).as(name).isEqualTo(ITEMS);
                assertThat(run.get("ok").asLong()).as(name).isEqualTo(ITEMS);
                JsonNode c = run.get("cluster");
                assertThat(c.get("lost_nodes")).as(name).hasSize(1);
                assertThat(c.get("missing_items").asLong()).as(name).isZero();
                long perNode = 0;
                for (JsonNode node : run.get("nodes")) {
                    perNode += node.get("result").get("items").asLong();
                    if (node.get("lost").asBoolean()) {
                        lost.add(node.get("address").asText() + " ("
                                + node.get("node").asText() + ")");
                    }
                }
                assertThat(perNode).as(name + ": the nodes' items add up once").isEqualTo(ITEMS);
                // the lost agent's uncommitted requests were sent, and sent again by the others
                assertThat(run.get("target_counts").get("requests").asLong())
                        .as(name)
                        .isGreaterThanOrEqualTo(ITEMS);
            }
            assertThat(lost).hasSize(CELLS).doesNotHaveDuplicates();
            String summary = Files.readString(dir.resolve("summary.md"));
            String html = Files.readString(dir.resolve("report.html"));
            for (String agent : lost) {
                assertThat(summary).contains("run 1: agent " + agent + " lost");
                assertThat(html).contains(agent + " lost");
            }
            summary.lines().filter(l -> l.contains(" lost;")).forEach(System.out::println);
        }
    }

    private static void awaitRequests(TargetServer target, long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (target.stats().requests() < n) {
            assertThat(System.nanoTime())
                    .as("the target reached " + n + " requests")
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
