package io.loadgrid.coordinator.cluster;

import io.loadgrid.agent.cluster.AgentCli;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** Agent JVMs started as a user starts them on other hosts: not tied to a coordinator's life. */
public final class RemoteAgents implements AutoCloseable {
    final List<Process> processes = new ArrayList<>();
    /** What each agent printed when it joined. */
    public final List<String> joinLines = new ArrayList<>();

    private final int port;
    private final String cluster;
    private final Path secret;

    /**
     * {@code count} agents in a cluster of their own: named {@code name} and a random suffix, on a random port, with
     * a fresh secret under {@code dir}.
     */
    public static RemoteAgents start(int count, Path dir, String name) throws Exception {
        return new RemoteAgents(
                count,
                16000 + ThreadLocalRandom.current().nextInt(4000),
                name + "-" + ThreadLocalRandom.current().nextInt(1_000_000),
                secret(dir));
    }

    static Path secret(Path dir) throws IOException {
        Path secret = dir.resolve("secret");
        Files.writeString(secret, "0123456789abcdef0123456789abcdef\n");
        return secret;
    }

    public int port() {
        return port;
    }

    public String cluster() {
        return cluster;
    }

    public Path secret() {
        return secret;
    }

    /** What a coordinator or a client is given to join these agents, listening {@code offset} ports above them. */
    public List<String> joinArgs(int offset) {
        return List.of(
                "--join",
                "127.0.0.1:" + port,
                "--cluster-name",
                cluster,
                "--secret-file",
                secret.toString(),
                "--port",
                Integer.toString(port + offset));
    }

    private RemoteAgents(int count, int port, String cluster, Path secret) throws Exception {
        this.port = port;
        this.cluster = cluster;
        this.secret = secret;
        for (int i = 0; i < count; i++) {
            // an agent joins as a client does, from the first port up (Hazelcast counts up to a free one)
            Process p =
                    JavaProcess.builder(AgentCli.class.getName(), joinArgs(0)).start();
            processes.add(p);
            joinLines.add(JavaProcess.awaitLine(p, Role.AGENT.readyPrefix()));
        }
    }

    @Override
    public void close() throws Exception {
        for (Process p : processes) {
            p.destroy();
        }
        for (Process p : processes) {
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
