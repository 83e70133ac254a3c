package io.loadgrid.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.agent.cluster.AgentCli;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import io.loadgrid.coordinator.cli.RunCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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
        Namespaces hosts;
        try {
            hosts = new Namespaces();
        } catch (IOException e) {
            Assumptions.assumeTrue(
                    false, "network namespaces cannot be created here (needs root and iproute2): " + e.getMessage());
            return;
        }
        List<Process> processes = new ArrayList<>();
        try (hosts) {
            String target = hosts.host("tg", 2);
            String coordinator = hosts.host("co", 3);
            String a1 = hosts.host("a1", 11);
            String a2 = hosts.host("a2", 12);
            Path secret = tmp.resolve("secret");
            Files.writeString(secret, "multi-host-test-secret-0123456789\n");
            String join = a1 + ":5701," + a2 + ":5701";
            List<String> cluster =
                    List.of("--join", join, "--cluster-name", "multihost", "--secret-file", secret.toString());

            processes.add(hosts.java(
                    "tg",
                    Role.TARGET.mainClass(),
                    List.of("--host", target, "--port", "8080", "--exit-on-stdin-eof"),
                    Role.TARGET.readyPrefix()));
            for (var agent : List.of(List.of("a1", a1), List.of("a2", a2))) {
                List<String> args = new ArrayList<>(cluster);
                args.addAll(List.of("--bind", agent.get(1), "--allow-target", target));
                processes.add(hosts.java(agent.get(0), AgentCli.class.getName(), args, Role.AGENT.readyPrefix()));
            }
            Path json = tmp.resolve("result.json");
            List<String> args = new ArrayList<>(cluster);
            args.addAll(List.of(
                    "--bind",
                    coordinator,
                    "--agents",
                    "2",
                    "--base",
                    "http://" + target + ":8080",
                    "--urls",
                    "4000",
                    "--concurrency",
                    "20",
                    "--json",
                    json.toString()));
            Process run = new ProcessBuilder(hosts.in(
                            "co",
                            JavaProcess.builder(RunCli.class.getName(), args).command()))
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("run.txt").toFile())
                    .start();
            processes.add(run);
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
            assertThat(addresses).containsExactlyInAnyOrder(a1 + ":5701", a2 + ":5701");

            // Hazelcast listens on the agent's configured address only
            String listening = hosts.output("a1", List.of("ss", "-ltnH"));
            // (Java shows IPv4 on a dual-stack socket as [::ffff:a.b.c.d])
            String bound = "(" + a1 + "|\\[::ffff:" + a1 + "])";
            assertThat(listening).containsPattern(bound + ":5701 ");
            assertThat(listening.lines().filter(l -> l.contains(":5701")))
                    .as(listening)
                    .allMatch(l -> l.matches(".* " + bound + ":5701 .*"), "bound to " + a1 + " only");

            // a target outside the agents' allowlist, in a namespace of its own: refused, and sent nothing
            processes.add(hosts.java(
                    "co",
                    Role.TARGET.mainClass(),
                    List.of("--host", coordinator, "--port", "8081", "--exit-on-stdin-eof"),
                    Role.TARGET.readyPrefix()));
            List<String> outside = new ArrayList<>(args.subList(0, args.indexOf("--base")));
            outside.addAll(List.of("--base", "http://" + coordinator + ":8081", "--urls", "50"));
            Process refused = new ProcessBuilder(hosts.in(
                            "co",
                            JavaProcess.builder(RunCli.class.getName(), outside).command()))
                    .redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("refused.txt").toFile())
                    .start();
            processes.add(refused);
            assertThat(refused.waitFor(120, TimeUnit.SECONDS))
                    .as("refused run finished")
                    .isTrue();
            String said = Files.readString(tmp.resolve("refused.txt"));
            assertThat(refused.exitValue()).as(said).isEqualTo(2);
            assertThat(said).contains("outside this agent's allowlist");
            String stats = hosts.stats("co", coordinator, 8081);
            assertThat(stats).contains("\"requests\":0,", "\"bytes_in\":0,");
        } finally {
            for (Process p : processes) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
