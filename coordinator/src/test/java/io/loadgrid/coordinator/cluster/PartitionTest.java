package io.loadgrid.coordinator.cluster;

import static io.loadgrid.coordinator.cli.ChildOutput.awaitText;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.cluster.MemberConfig;
import io.loadgrid.common.cluster.RunControl;
import io.loadgrid.common.codec.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent's host cut off from every other mid-run (its only link set down), then back: the coordinator treats it as
 * lost within Hazelcast's heartbeat limit, the others run its uncommitted chunks, every item counts once, and once the
 * link is up again the agent takes part in the next run without anything of the first counted twice.
 */
class PartitionTest {
    private static final long ITEMS = 15_000;
    /** Hazelcast's limit, plus the time a busy host takes to act on it. */
    private static final double LOSS_LIMIT_S = MemberConfig.MAX_NO_HEARTBEAT_S + 5;

    @TempDir
    Path tmp;

    @Test
    void anAgentCutOffIsLostInTimeAndWhenBackCountsNothingTwice() throws Exception {
        try (FourHosts four = FourHosts.start(tmp, "partition")) {
            String a1 = four.a1;
            List<String> run = List.of("--agents", "2", "--base", four.base(), "--concurrency", "20");

            // the first run: a1 is cut off a fifth of the way through
            Path json = tmp.resolve("cut.json");
            Path out = tmp.resolve("cut.txt");
            Process first = start(four, run, List.of("--urls", Long.toString(ITEMS), "--rate", "1500"), json, out);
            long before = requests(four);
            while (requests(four) < before + ITEMS / 5) {
                assertThat(first.isAlive()).as(Files.readString(out)).isTrue();
                Thread.sleep(100);
            }
            four.hosts.link("a1", false);
            long cut = System.nanoTime();
            awaitText(out, "left the cluster");
            double lostAfter = (System.nanoTime() - cut) / 1e9;
            four.hosts.link("a1", true);
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
            long quiet = requests(four);
            Path again = tmp.resolve("again.json");
            Process second = start(four, run, List.of("--urls", "4000"), again, tmp.resolve("again.txt"));
            assertThat(second.waitFor(240, TimeUnit.SECONDS))
                    .as("the second run finished")
                    .isTrue();
            String said2 = Files.readString(tmp.resolve("again.txt"));
            assertThat(second.exitValue()).as(said2).isZero();
            JsonNode m = Json.MAPPER.readTree(again.toFile());
            assertThat(m.get("ok").asLong()).isEqualTo(4000);
            assertThat(m.get("target_counts").get("requests").asLong()).isEqualTo(4000);
            assertThat(requests(four) - quiet).isEqualTo(4000);
            List<String> addresses = new ArrayList<>();
            for (JsonNode node : m.get("nodes")) {
                addresses.add(node.get("address").asText());
                assertThat(node.get("lost").asBoolean()).isFalse();
                assertThat(node.get("result").get("items").asLong()).isPositive();
            }
            assertThat(addresses).containsExactlyInAnyOrder(a1 + ":5701", four.a2 + ":5701");
            System.out.printf("agent cut off: lost after %.1f s; back in the next run%n", lostAfter);
        }
    }

    private static Process start(FourHosts four, List<String> run, List<String> more, Path json, Path out)
            throws IOException {
        List<String> args = new ArrayList<>(run);
        args.addAll(more);
        args.addAll(List.of("--json", json.toString()));
        return four.run(args, out);
    }

    private static long requests(FourHosts four) throws Exception {
        Matcher m = Pattern.compile("\"requests\":(\\d+)")
                .matcher(four.hosts.stats("tg", four.target, FourHosts.TARGET_PORT));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }
}
