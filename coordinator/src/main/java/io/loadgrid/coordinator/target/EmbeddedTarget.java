package io.loadgrid.coordinator.target;

import io.loadgrid.common.metrics.TargetCounts;
import io.loadgrid.common.process.JavaProcess;
import io.loadgrid.common.process.Role;
import java.io.IOException;
import java.util.List;

/**
 * The target server started as its own JVM on an ephemeral loopback port, so that it never shares a heap or GC with
 * the generator it measures. It dies with us: it exits when its stdin closes.
 */
public final class EmbeddedTarget implements AutoCloseable {
    private final Process process;
    private String base;

    private EmbeddedTarget(Process process) {
        this.process = process;
    }

    public static EmbeddedTarget start(double latencyMs) throws IOException {
        return launch(latencyMs).awaitReady();
    }

    /** Starts the target JVM without waiting for it, so that its start-up overlaps other work. */
    public static EmbeddedTarget launch(double latencyMs) throws IOException {
        return new EmbeddedTarget(JavaProcess.builder(
                        Role.TARGET.mainClass(),
                        List.of(
                                "--host",
                                "127.0.0.1",
                                "--port",
                                "0",
                                "--exit-on-stdin-eof",
                                "--latency",
                                Double.toString(latencyMs)))
                .start());
    }

    /** Returns once the target listens; kills it when it failed to. */
    public EmbeddedTarget awaitReady() throws IOException {
        if (base == null) {
            try {
                base = Role.TARGET.readyWhat(JavaProcess.awaitLine(process, Role.TARGET.readyPrefix()));
            } catch (IOException e) {
                process.destroyForcibly();
                throw e;
            }
        }
        return this;
    }

    /** The base URL; the target is ready. */
    public String base() {
        if (base == null) {
            throw new IllegalStateException("the embedded target is not ready yet");
        }
        return base;
    }

    public TargetCounts stats() throws IOException {
        return StatsClient.fetch(base);
    }

    @Override
    public void close() {
        JavaProcess.stop(process);
    }
}
