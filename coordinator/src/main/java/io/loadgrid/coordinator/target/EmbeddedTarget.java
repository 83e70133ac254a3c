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
    private final String base;

    private EmbeddedTarget(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    public static EmbeddedTarget start(double latencyMs) throws IOException {
        Process p = JavaProcess.builder(
                        Role.TARGET.mainClass(),
                        List.of(
                                "--host",
                                "127.0.0.1",
                                "--port",
                                "0",
                                "--exit-on-stdin-eof",
                                "--latency",
                                Double.toString(latencyMs)))
                .start();
        try {
            return new EmbeddedTarget(p, Role.TARGET.readyWhat(JavaProcess.awaitLine(p, Role.TARGET.readyPrefix())));
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    public String base() {
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
