package io.loadgrid.coordinator.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.agent.cluster.AgentCli;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cli.RunCliTest;
import io.loadgrid.testbed.TargetConfig;
import io.loadgrid.testbed.TargetServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared secret never leaves its file: not in what the coordinator and the agent print, the result document,
 * {@code /metrics}, the process list, or the message of a plan refused for another secret.
 */
class SecretTest {
    @TempDir
    Path tmp;

    @Test
    void theSecretAppearsInNoOutputOfARun() throws Exception {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        String secret = "lg-" + HexFormat.of().formatHex(random);
        Path secretFile = Files.writeString(tmp.resolve("secret"), secret + "\n");
        int port = 16000 + ThreadLocalRandom.current().nextInt(4000);
        String cluster = "secret-test-" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<String> join = List.of("--join", "127.0.0.1:" + port, "--cluster-name", cluster);
        Path agentOut = tmp.resolve("agent.out");
        Path agentErr = tmp.resolve("agent.err");
        Process agent = JavaProcess.builder(
                        AgentCli.class.getName(),
                        concat(join, "--secret-file", secretFile.toString(), "--port", Integer.toString(port)))
                .redirectOutput(agentOut.toFile())
                .redirectError(agentErr.toFile())
                .start();
        List<String> seen = new ArrayList<>();
        try (TargetServer target = TargetServer.start(TargetConfig.defaults())) {
            awaitJoined(agentOut);
            int metricsPort = freePort();
            Path json = tmp.resolve("result.json");
            AtomicBoolean over = new AtomicBoolean();
            CompletableFuture<List<String>> watcher = CompletableFuture.supplyAsync(() -> watch(metricsPort, over));
            Console.Ran run = RunCliTest.run(concat(
                            join,
                            "--secret-file",
                            secretFile.toString(),
                            "--port",
                            Integer.toString(port + 50),
                            "--base",
                            "http://127.0.0.1:" + target.port(),
                            "--duration",
                            "3s",
                            "--concurrency",
                            "10",
                            "--json",
                            json.toString(),
                            "--metrics-port",
                            Integer.toString(metricsPort))
                    .toArray(String[]::new));
            over.set(true);
            assertThat(run.exit()).as(run.err()).isZero();
            List<String> watched = watcher.get(30, TimeUnit.SECONDS);
            assertThat(watched).as("/metrics and ps were read during the run").hasSizeGreaterThanOrEqualTo(2);
            assertThat(String.join("\n", watched)).contains("loadgrid_requests_total", "AgentCli");
            seen.addAll(watched);
            seen.add(run.out());
            seen.add(run.err());
            seen.add(Files.readString(json));

            Path wrong = Files.writeString(tmp.resolve("wrong"), "lg-another-secret-entirely-000000\n");
            Console.Ran refused = RunCliTest.run(concat(
                            join,
                            "--secret-file",
                            wrong.toString(),
                            "--port",
                            Integer.toString(port + 60),
                            "--base",
                            "http://127.0.0.1:" + target.port(),
                            "--urls",
                            "10")
                    .toArray(String[]::new));
            assertThat(refused.err()).contains("refused the plan");
            seen.add(refused.out());
            seen.add(refused.err());
        } finally {
            agent.destroy();
            if (!agent.waitFor(20, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
        seen.add(Files.readString(agentOut));
        seen.add(Files.readString(agentErr));
        assertThat(String.join("\n", seen))
                .contains("loadgrid agent")
                .doesNotContain(secret)
                .doesNotContain("lg-another-secret-entirely");
    }

    /** /metrics and the process list, read every 300 ms while the run lasts. */
    private static List<String> watch(int metricsPort, AtomicBoolean over) {
        List<String> texts = new ArrayList<>();
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            while (!over.get()) {
                try {
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    texts.add(r.body());
                    Process ps = new ProcessBuilder("ps", "-eo", "args").start();
                    texts.add(new String(ps.getInputStream().readAllBytes()));
                    ps.waitFor();
                } catch (IOException notYet) {
                    // the coordinator is still starting
                }
                Thread.sleep(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return texts;
    }

    private static void awaitJoined(Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.readString(out).contains(Role.AGENT.readyPrefix())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the agent did not join within 60 s: " + Files.readString(out));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(List.of(b));
        return all;
    }
}
