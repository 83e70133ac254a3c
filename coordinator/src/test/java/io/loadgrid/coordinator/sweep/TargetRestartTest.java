package io.loadgrid.coordinator.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.SweepCli;
import io.loadgrid.coordinator.target.StatsClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target killed in the middle of a sweep's run and started again: the run's failures are classified, it ends on
 * time, it claims no target counts across the restart, and the next cell runs as if nothing happened.
 */
class TargetRestartTest {
    private static final Set<String> DOWN_KINDS = Set.of("connect", "reset_io");

    @TempDir
    Path tmp;

    @Test
    void aRunCutByTheTargetsDeathIsClassifiedAndTheNextCellSucceeds() throws Exception {
        int port = freePort();
        String base = "http://127.0.0.1:" + port;
        Process target = startTarget(port);
        try {
            Path plan = tmp.resolve("restart.yaml");
            Files.writeString(plan, """
                    name: restart
                    repetitions: 1
                    warmups: 0
                    defaults: {model: async, concurrency: 10, base: "%s", timeout: 2s}
                    include:
                      - {name: cut, duration: 5s}
                      - {name: after, items: 600}
                    """.formatted(base));
            CompletableFuture<Console.Ran> sweep = CompletableFuture.supplyAsync(() -> Console.capture(
                    SweepCli::execute,
                    plan.toString(),
                    "--out",
                    tmp.resolve("results").toString()));
            awaitRequests(base, 500);
            target.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            Thread.sleep(700);
            target = startTarget(port);

            Console.Ran r = sweep.get(120, TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.err()).isZero();
            JsonNode cells = Json.MAPPER
                    .readTree(SweepCliTest.sweepDir(tmp.resolve("results"))
                            .resolve("results.json")
                            .toFile())
                    .get("cells");
            JsonNode cut = cells.get(0).get("runs").get(0);
            assertThat(cells.get(0).get("status").asText()).isEqualTo("done");
            assertThat(cut.get("wall_s").asDouble()).as("ends on time").isBetween(4.9, 10.0);
            assertThat(cut.get("failed").asLong()).isPositive();
            assertThat(cut.get("ok").asLong())
                    .as("before the kill and after the restart")
                    .isPositive();
            long classified = 0;
            for (var f : cut.get("failures").properties()) {
                if (f.getValue().asLong() > 0) {
                    assertThat(f.getKey()).as(cut.get("failures").toString()).isIn(DOWN_KINDS);
                }
                classified += f.getValue().asLong();
            }
            assertThat(classified).isEqualTo(cut.get("failed").asLong());
            assertThat(cut.path("target_counts").isMissingNode()
                            || cut.get("target_counts").isNull())
                    .as("the counts of two target processes are not subtracted")
                    .isTrue();

            JsonNode after = cells.get(1).get("runs").get(0);
            assertThat(cells.get(1).get("status").asText()).isEqualTo("done");
            assertThat(after.get("ok").asLong()).isEqualTo(600);
            assertThat(after.get("target_counts").get("requests").asLong()).isEqualTo(600);
            assertThat(after.get("bytes_down").asLong())
                    .isEqualTo(after.get("target_counts").get("bytes_out").asLong());
        } finally {
            JavaProcess.stop(target);
        }
    }

    /**
     * A free port below the ephemeral range: while the target is down, the agent's reconnects would otherwise be
     * able to take its port for themselves, and the restart could not bind it.
     */
    private static int freePort() throws IOException {
        for (int tries = 0; ; tries++) {
            int port = 20000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(10000);
            try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                if (tries > 50) {
                    throw taken;
                }
            }
        }
    }

    private static Process startTarget(int port) throws IOException {
        Process p = JavaProcess.builder(
                        Role.TARGET.mainClass(),
                        List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--exit-on-stdin-eof"))
                .start();
        JavaProcess.awaitLine(p, Role.TARGET.readyPrefix());
        return p;
    }

    private static void awaitRequests(String base, long n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (StatsClient.fetch(base).requests() >= n) {
                    return;
                }
            } catch (IOException notYet) {
                // the sweep is still starting
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sweep sent fewer than " + n + " requests in 60 s");
    }
}
