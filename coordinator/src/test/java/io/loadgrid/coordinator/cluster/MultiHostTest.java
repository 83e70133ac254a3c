package io.loadgrid.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' setup on separate hosts: target, coordinator and two agents each in its own network namespace with its
 * own address. The merged totals must equal what the target itself counted.
 */
class MultiHostTest {
    @TempDir
    Path tmp;

    @Test
    void aPlanRunsAcrossFourHostsAndItsTotalsEqualTheTargetsCounters() throws Exception {
        try (FourHosts four = FourHosts.start(tmp, "multihost")) {
            Path json = tmp.resolve("result.json");
            List<String> agents = List.of("--agents", "2");
            List<String> args = new ArrayList<>(agents);
            args.addAll(
                    List.of("--base", four.base(), "--urls", "4000", "--concurrency", "20", "--json", json.toString()));
            Process run = four.run(args, tmp.resolve("run.txt"));
            assertThat(run.waitFor(180, TimeUnit.SECONDS)).as("run finished").isTrue();
            String out = Files.readString(tmp.resolve("run.txt"));
            assertThat(run.exitValue()).as(out).isZero();

            JsonNode n = Json.MAPPER.readTree(Files.readString(json));
            assertThat(n.get("ok").asLong()).isEqualTo(4000);
            assertThat(n.get("target_counts").get("requests").asLong()).isEqualTo(4000);
            assertThat(n.get("bytes_up").asLong())
                    .isEqualTo(n.get("target_counts").get("bytes_in").asLong());
            assertThat(n.get("bytes_down").asLong())
                    .isEqualTo(n.get("target_counts").get("bytes_out").asLong());
            List<String> addresses = new ArrayList<>();
            for (JsonNode node : n.get("nodes")) {
                addresses.add(node.get("address").asText());
                assertThat(node.get("result").get("items").asLong()).isPositive();
            }
            assertThat(addresses).containsExactlyInAnyOrder(four.a1 + ":5701", four.a2 + ":5701");

            // Hazelcast listens on the agent's configured address only
            String listening = four.hosts.output("a1", List.of("ss", "-ltnH"));
            // (Java shows IPv4 on a dual-stack socket as [::ffff:a.b.c.d])
            String bound = "(" + four.a1 + "|\\[::ffff:" + four.a1 + "])";
            assertThat(listening).containsPattern(bound + ":5701 ");
            assertThat(listening.lines().filter(l -> l.contains(":5701")))
                    .as(listening)
                    .allMatch(l -> l.matches(".* " + bound + ":5701 .*"), "bound to " + four.a1 + " only");

            // a target outside the agents' allowlist, in a namespace of its own: refused, and sent nothing
            four.add(four.hosts.java(
                    "co",
                    Role.TARGET.mainClass(),
                    List.of("--host", four.coordinator, "--port", "8081", "--exit-on-stdin-eof"),
                    Role.TARGET.readyPrefix()));
            List<String> outside = new ArrayList<>(agents);
            outside.addAll(List.of("--base", "http://" + four.coordinator + ":8081", "--urls", "50"));
            Process refused = four.run(outside, tmp.resolve("refused.txt"));
            assertThat(refused.waitFor(120, TimeUnit.SECONDS))
                    .as("refused run finished")
                    .isTrue();
            String said = Files.readString(tmp.resolve("refused.txt"));
            assertThat(refused.exitValue()).as(said).isEqualTo(2);
            assertThat(said).contains("outside this agent's allowlist");
            String stats = four.hosts.stats("co", four.coordinator, 8081);
            assertThat(stats).contains("\"requests\":0,", "\"bytes_in\":0,");
        }
    }
}
