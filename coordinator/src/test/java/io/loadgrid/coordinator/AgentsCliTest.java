package io.loadgrid.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.loadgrid.coordinator.cli.AgentsCli;
import io.loadgrid.coordinator.cli.Console;
import io.loadgrid.coordinator.cluster.RemoteAgents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two real agent JVMs on loopback, listed by the coordinator's lite member. */
public class AgentsCliTest {
    @TempDir
    static Path tmp;

    static Path secret;
    static String cluster;
    static int port;
    static RemoteAgents agents;

    @BeforeAll
    static void startAgents() throws Exception {
        agents = RemoteAgents.start(2, tmp, "agents-test");
        secret = agents.secret();
        cluster = agents.cluster();
        port = agents.port();
        assertThat(agents.joinLines).allMatch(line -> line.contains("in cluster '" + cluster + "'"));
    }

    @AfterAll
    static void stopAgents() throws Exception {
        agents.close();
    }

    /** Runs {@code agents} in this JVM as a user types it, capturing what it prints. */
    public static Console.Ran agents(String... args) {
        return Console.capture(a -> AgentsCli.execute(System.out, a), args);
    }

    @Test
    void listsEveryAgentWithItsHost() {
        Console.Ran r = agents(agents.joinArgs(100).toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> rows = r.out().lines().skip(1).toList();
        assertThat(rows).hasSize(2);
        String cores = Integer.toString(Runtime.getRuntime().availableProcessors());
        for (String row : rows) {
            assertThat(row).contains("127.0.0.1:").contains("0.1.0").endsWith("idle");
            assertThat(row.split("\\s+")[3]).isEqualTo(cores);
            assertThat(Long.parseLong(row.split("\\s+")[4])).isPositive();
        }
        assertThat(r.out().lines().findFirst().orElseThrow())
                .contains("host", "cores", "memory_mb", "version", "state");
    }

    static void assertBadInput(Console.Ran r, String fragment) {
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).startsWith("loadgrid agents: ").contains(fragment).doesNotContain("Exception");
    }

    @Test
    void refusesToJoinWithoutNameOrSecret() throws Exception {
        assertBadInput(agents("--cluster-name", cluster), "--join is required");
        assertBadInput(
                agents("--join", "127.0.0.1:" + port, "--secret-file", secret.toString()),
                "--cluster-name is required");
        assertBadInput(agents("--join", "127.0.0.1:" + port, "--cluster-name", cluster), "a shared secret is required");
        Path shortSecret = tmp.resolve("short");
        Files.writeString(shortSecret, "abc");
        assertBadInput(
                agents(
                        "--join",
                        "127.0.0.1:" + port,
                        "--cluster-name",
                        cluster,
                        "--secret-file",
                        shortSecret.toString()),
                "use at least 16");
        assertBadInput(
                agents("--join", "127.0.0.1:99999", "--cluster-name", cluster, "--secret-file", secret.toString()),
                "bad port");
        assertBadInput(
                agents(
                        "--join",
                        "127.0.0.1",
                        "--cluster-name",
                        cluster,
                        "--secret-file",
                        tmp.resolve("missing").toString()),
                "cannot be read");
    }
}
