package io.loadgrid.coordinator.local;

import io.loadgrid.common.cluster.ClusterNames;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.process.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The agents of local mode: K agent JVMs on loopback, joined to the coordinator exactly as remote ones would be.
 * They die with the coordinator: each exits when its stdin closes.
 */
public final class LocalAgents implements AutoCloseable {
    private static final String READY = "loadgrid agent ";
    private final List<Process> processes = new ArrayList<>();

    private LocalAgents() {
    }

    /** Starts {@code count} agents joining {@code coordinatorPort}; returns once each has joined. */
    public static LocalAgents start(int count, int coordinatorPort, ClusterSettings settings, String allowTarget) throws IOException {
        LocalAgents agents = new LocalAgents();
        try {
            for (int i = 0; i < count; i++) {
                ProcessBuilder pb = JavaProcess.builder(ClusterNames.AGENT_MAIN, List.of("--local", "--join", "127.0.0.1:" + coordinatorPort,
                        "--cluster-name", settings.clusterName(), "--bind", "127.0.0.1", "--port", Integer.toString(coordinatorPort + 1),
                        "--allow-target", allowTarget));
                pb.environment().put("LOADGRID_SECRET", new String(settings.secret(), StandardCharsets.UTF_8));
                agents.processes.add(pb.start());
            }
            for (Process p : agents.processes) {
                awaitJoined(p);
            }
        } catch (IOException | RuntimeException e) {
            agents.close();
            throw e;
        }
        return agents;
    }

    private static void awaitJoined(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(READY)) {
                Thread.ofPlatform().daemon().name("agent-out").start(() -> out.lines().forEach(l -> { }));
                return;
            }
        }
        throw new IOException("a local agent exited before joining (exit code " + p.onExit().join().exitValue() + "); its error output is above");
    }

    public List<Long> pids() {
        return processes.stream().map(Process::pid).toList();
    }

    @Override
    public void close() {
        for (Process p : processes) {
            try {
                p.getOutputStream().close();
            } catch (IOException ignored) {
                // it is gone already
            }
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
