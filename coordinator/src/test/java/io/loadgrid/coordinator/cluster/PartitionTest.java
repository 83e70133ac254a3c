package io.loadgrid.coordinator.cluster;

import static io.loadgrid.coordinator.cli.ChildOutput.awaitText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.agent.cluster.AgentCli;
import io.loadgrid.common.cluster.RunControl;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's host cut off from every other mid-run (its only link set down), then back: the coordinator treats it as
 * lost within Hazelcast's heartbeat limit, the others run its uncommitted chunks, every item counts once, and once the
 * link is up again the agent takes part in the next run without anything of the first counted twice.
 */
class PartitionTest {
    private static final long ITEMS = 15_000;
    /** hazelcast.max.no.heartbeat.seconds in MemberConfig, plus the time a busy host takes to act on it. */
    private static final double LOSS_LIMIT_S = 5 + 5;

    @TempDir
    Path tmp;

    @Test
    void anAgentCutOffIsLostInTimeAndWhenBackCountsNothingTwice() throws Exception {
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
            Files.writeString(secret, "partition-test-secret-0123456789\n");
            List<String> cluster = List.of(
                    "--join",
                    a1 + ":5701," + a2 + ":5701",
                    "--cluster-name",
                    "partition",
                    "--secret-file",
                    secret.toString());
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
            List<String> run = new ArrayList<>(cluster);
            run.addAll(List.of(
                    "--bind",
                    coordinator,
                    "--agents",
                    "2",
                    "--base",
                    "http://" + target + ":8080",
                    "--concurrency",
                    "20"));

            // the first run: a1 is cut off a fifth of the way through
            Path json = tmp.resolve("cut.json");
            Path out = tmp.resolve("cut.txt");
            Process first = start(hosts, run, List.of("--urls", Long.toString(ITEMS), "--rate", "1500"), json, out);
            processes.add(first);
            long before = requests(hosts, target);
            while (requests(hosts, target) < before + ITEMS / 5) {
                assertThat(first.isAlive()).as(Files.readString(out)).isTrue();
                Thread.sleep(100);
            }
            hosts.link("a1", false);
            long cut = System.nanoTime();
            awaitText(out, "left the cluster");
            double lostAfter = (System.nanoTime() - cut) / 1e9;
            hosts.link("a1", true);
            assertThat(first.waitFor(180, TimeUnit.SECONDS))
                    .as("the run finished")
                    .isTrue();
            String said = Files.readString(out);
            assertThat(first.exitValue()).as(said).isZero();
            assertThat(said).contains("(" + a1 + ":5701) left the cluster");
            assertThat(lostAfter).as("seconds from the cut to the loss").isLessThan(LOSS_LIMIT_S);

            JsonNode n = Json.MAPPER.readTree(json.toFile());
            assertThat(n.get("items").asLong()).isEqualTo(ITEMS);
            assertThat(n.get("ok").asLong())
                    .as("no item counted twice, none failed")
                    .isEqualTo(ITEMS);
            JsonNode c = n.get("cluster");
            assertThat(c.get("lost_nodes")).hasSize(1);
            assertThat(c.get("missing_items").asLong()).isZero();
            long perNode = 0;
            for (JsonNode node : n.get("nodes")) {
                perNode += node.get("result").get("items").asLong();
                assertThat(node.get("lost").asBoolean())
                        .as(node.get("address").asText())
                        .isEqualTo(node.get("address").asText().equals(a1 + ":5701"));
            }
            assertThat(perNode).isEqualTo(ITEMS);

            // back on the network: once Hazelcast has merged it in again, a1 runs its share of the next run, and the
            // target counts exactly that run's requests (a1 sent nothing after it lost its coordinator)
            Thread.sleep(RunControl.STALE_MS);
            long quiet = requests(hosts, target);
            Path again = tmp.resolve("again.json");
            Process second = start(hosts, run, List.of("--urls", "4000"), again, tmp.resolve("again.txt"));
            processes.add(second);
            assertThat(second.waitFor(240, TimeUnit.SECONDS))
                    .as("the second run finished")
                    .isTrue();
            String said2 = Files.readString(tmp.resolve("again.txt"));
            assertThat(second.exitValue()).as(said2).isZero();
            JsonNode m = Json.MAPPER.readTree(again.toFile());
            assertThat(m.get("ok").asLong()).isEqualTo(4000);
            assertThat(m.get("target_counts").get("requests").asLong()).isEqualTo(4000);
            assertThat(requests(hosts, target) - quiet).isEqualTo(4000);
            List<String> addresses = new ArrayList<>();
            for (JsonNode node : m.get("nodes")) {
                addresses.add(node.get("address").asText());
                assertThat(node.get("lost").asBoolean()).isFalse();
                assertThat(node.get("result").get("items").asLong()).isPositive();
            }
            assertThat(addresses).containsExactlyInAnyOrder(a1 + ":5701", a2 + ":5701");
            System.out.printf("agent cut off: lost after %.1f s; back in the next run%n", lostAfter);
        } finally {
            for (Process p : processes) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static Process start(Namespaces hosts, List<String> run, List<String> more, Path json, Path out)
            throws IOException {
        List<String> args = new ArrayList<>(run);
        args.addAll(more);
        args.addAll(List.of("--json", json.toString()));
        return new ProcessBuilder(hosts.in(
                        "co", JavaProcess.builder(RunCli.class.getName(), args).command()))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
    }

    private static long requests(Namespaces hosts, String target) throws Exception {
        Matcher m = Pattern.compile("\"requests\":(\\d+)").matcher(hosts.stats("tg", target, 8080));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
