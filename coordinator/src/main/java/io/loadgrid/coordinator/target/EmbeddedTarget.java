package io.loadgrid.coordinator.target;

import io.loadgrid.common.process.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The target server started as its own JVM on an ephemeral loopback port, so that it never shares a heap or GC with
 * the generator it measures. It dies with us: it exits when its stdin closes.
 */
public final class EmbeddedTarget implements AutoCloseable {
    private static final String MAIN = "io.loadgrid.target.TargetCli";
    private static final String READY = "loadgrid target listening on ";
    private final Process process;
    private final String base;

    private EmbeddedTarget(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    public static EmbeddedTarget start(double latencyMs) throws IOException {
        Process p = JavaProcess.builder(MAIN, List.of("--host", "127.0.0.1", "--port", "0", "--exit-on-stdin-eof",
                "--latency", Double.toString(latencyMs))).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith(READY)) {
                // keep draining so the target never blocks on a full stdout pipe
                Thread.ofPlatform().daemon().name("target-out").start(() -> drain(out));
                return new EmbeddedTarget(p, line.substring(READY.length()).strip());
            }
        }
        p.destroyForcibly();
        throw new IOException("the embedded target exited before listening (exit code " + p.onExit().join().exitValue() + ")");
    }

    public String base() {
        return base;
    }

    public TargetStats stats() throws IOException {
        return TargetStats.fetch(base);
    }

    private static void drain(BufferedReader out) {
        try {
            while (out.readLine() != null) {
                // discard
            }
        } catch (IOException ignored) {
            // the target is gone
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
        }
    }
}
