package io.loadgrid.testbed;

/**
 * How a {@link TargetServer} listens and behaves.
 *
 * @param host         interface to bind, e.g. {@code 127.0.0.1}
 * @param port         TCP port, 0 picks a free ephemeral one
 * @param latencyMs    emulated latency added before every (non-control) response, in milliseconds
 * @param ioThreads    event-loop threads; 1 when the server is pinned to one core
 * @param maxBodyBytes request bodies larger than this are answered with 413
 */
public record TargetConfig(String host, int port, double latencyMs, int ioThreads, int maxBodyBytes) {

    public static final int DEFAULT_MAX_BODY = 1 << 20;

    public TargetConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (!(latencyMs >= 0) || Double.isInfinite(latencyMs)) {
            throw new IllegalArgumentException(
                    "latency must be a finite number of milliseconds >= 0, got " + latencyMs);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("io threads must be >= 1, got " + ioThreads);
        }
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("max body must be >= 0 bytes, got " + maxBodyBytes);
        }
    }

    public static TargetConfig defaults() {
        return new TargetConfig("127.0.0.1", 0, 0, Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_BODY);
    }

    public TargetConfig withPort(int newPort) {
        return new TargetConfig(host, newPort, latencyMs, ioThreads, maxBodyBytes);
    }

    public TargetConfig withLatencyMs(double newLatencyMs) {
        return new TargetConfig(host, port, newLatencyMs, ioThreads, maxBodyBytes);
    }

    public TargetConfig withIoThreads(int newIoThreads) {
        return new TargetConfig(host, port, latencyMs, newIoThreads, maxBodyBytes);
    }

    public TargetConfig withMaxBodyBytes(int newMaxBodyBytes) {
        return new TargetConfig(host, port, latencyMs, ioThreads, newMaxBodyBytes);
    }
}
