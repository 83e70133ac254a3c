package io.loadgrid.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.coordinator.AgentsCliTest;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.RunCli;
import io.loadgrid.coordinator.cli.RunCliTest;
import io.loadgrid.testbed.TargetConfig;
import io.loadgrid.testbed.TargetServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinator killed mid-run (kill -9): its agents, started as on remote hosts, stop generating load within 5 s
 * and go back to waiting. Also: a coordinator without the cluster's secret gets its plan refused.
 */
class CoordinatorLossTest {
    @TempDir
    Path tmp;

    @Test
    void agentsStopWithinFiveSecondsOfLosingTheirCoordinatorAndWaitAgain() throws Exception {
        try (TargetServer target = TargetServer.start(TargetConfig.defaults());
                RemoteAgents agents = RemoteAgents.start(2, tmp, "loss-test")) {
            int port = agents.port();
            String cluster = agents.cluster();
            Path secret = agents.secret();
            List<String> join = List.of("--join", "127.0.0.1:" + port, "--cluster-name", cluster);
            Path wrong = tmp.resolve("wrong");
            Files.writeString(wrong, "fedcba9876543210fedcba9876543210\n");
            Console.Ran refused = run(concat(
                    join,
                    "--port",
                    Integer.toString(port + 50),
                    "--secret-file",
                    wrong.toString(),
                    "--base",
                    "http://127.0.0.1:" + target.port(),
                    "--urls",
                    "100"));
            assertThat(refused.exit()).as(refused.err()).isEqualTo(2);
            assertThat(refused.err().strip().lines()).hasSize(1);
            assertThat(refused.err()).contains("refused the plan", "signature does not verify");

            Process coordinator = JavaProcess.builder(
                            RunCli.class.getName(),
                            concat(
                                    join,
                                    "--port",
                                    Integer.toString(port + 50),
                                    "--secret-file",
                                    secret.toString(),
                                    "--base",
                                    "http://127.0.0.1:" + target.port(),
                                    "--rate",
                                    "400",
                                    "--urls",
                                    "200000",
                                    "--concurrency",
                                    "20"))
                    .redirectOutput(tmp.resolve("out.txt").toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (target.stats().requests() < 400 && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(target.stats().requests()).as("load flowing").isGreaterThanOrEqualTo(400);
                coordinator.destroyForcibly();
                long killed = System.nanoTime();
                long lastChange = killed;
                long seen = target.stats().requests();
                // watch until the count has been still for 3 s
                while (System.nanoTime() - lastChange < TimeUnit.SECONDS.toNanos(3)
                        && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(30)) {
                    Thread.sleep(50);
                    long now = target.stats().requests();
                    if (now != seen) {
                        seen = now;
                        lastChange = System.nanoTime();
                    }
                }
                double stoppedAfter = (lastChange - killed) / 1e9;
                System.out.printf(
                        "coordinator killed: the last request reached the target %.2f s later%n", stoppedAfter);
                assertThat(stoppedAfter)
                        .as("seconds from kill to the last request")
                        .isLessThan(5.0);
                assertThat(seen).isLessThan(200_000);
            } finally {
                coordinator.destroyForcibly();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Console.Ran list;
            do {
                Thread.sleep(500);
                list = AgentsCliTest.agents(
                        concat(join, "--secret-file", secret.toString(), "--port", Integer.toString(port + 60))
                                .toArray(String[]::new));
            } while (list.out().lines().filter(l -> l.endsWith("idle")).count() < 2 && System.nanoTime() < deadline);
            assertThat(list.out().lines().filter(l -> l.endsWith("idle")).count())
                    .as(list.out() + list.err())
                    .isEqualTo(2);
        }
    }

    static List<String> concat(List<String> a, String... b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }

    static Console.Ran run(List<String> args) {
        return RunCliTest.run(args.toArray(String[]::new));
    }
}
