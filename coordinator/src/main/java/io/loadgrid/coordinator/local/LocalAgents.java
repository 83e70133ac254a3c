package io.loadgrid.coordinator.local;

import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The agents of local mode: K agent JVMs on loopback, joined to the coordinator exactly as remote ones would be.
 * They die with the coordinator: each exits when its stdin closes.
 */
public final class LocalAgents implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();

    private LocalAgents() {}

    /** Starts {@code count} agents joining {@code coordinatorPort}; returns once each has joined. */
    public static LocalAgents start(int count, int coordinatorPort, ClusterSettings settings, String allowTarget)
            throws IOException {
        return launch(count, coordinatorPort, settings, allowTarget).awaitJoined();
    }

    /**
     * Starts {@code count} agent JVMs that will join {@code coordinatorPort}, without waiting: their JVM start and
     * class loading (about 2 s on one core) overlaps the coordinator's own, and each keeps trying to join until the
     * coordinator listens. {@link #awaitJoined()} waits for them.
     */
    public static LocalAgents launch(int count, int coordinatorPort, ClusterSettings settings, String allowTarget)
            throws IOException {
        LocalAgents agents = new LocalAgents();
        try {
            for (int i = 0; i < count; i++) {
                ProcessBuilder pb = JavaProcess.builder(
                        Role.AGENT.mainClass(),
                        List.of(
                                "--local",
                                "--join",
                                "127.0.0.1:" + coordinatorPort,
                                "--cluster-name",
                                settings.clusterName(),
                                "--bind",
                                "127.0.0.1",
                                "--port",
                                Integer.toString(coordinatorPort + 1),
                                "--allow-target",
                                allowTarget));
                pb.environment().put("LOADGRID_SECRET", new String(settings.secret(), StandardCharsets.UTF_8));
                agents.processes.add(pb.start());
            }
        } catch (IOException | RuntimeException e) {
            agents.close();
            throw e;
        }
        return agents;
    }

    /** Returns once every agent has joined and said so; stops them all when one exits first. */
    public LocalAgents awaitJoined() throws IOException {
        try {
            for (Process p : processes) {
                JavaProcess.awaitLine(p, Role.AGENT.readyPrefix());
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    public int size() {
        return processes.size();
    }

    public List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    @Override
    public void close() {
        // close every stdin first, so the agents leave together rather than one after another
        processes.parallelStream().forEach(JavaProcess::stop);
    }
}
