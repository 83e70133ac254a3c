package io.loadgrid.coordinator.export;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import picocli.CommandLine.Option;

/** Where the coordinator serves Prometheus {@code /metrics} (a picocli mixin shared by run, sweep and coordinator). */
public final class MetricsOptions {
    @Option(
            names = "--metrics-port",
            paramLabel = "P",
            description = "serve Prometheus /metrics on this port (default: " + MetricsServer.DEFAULT_PORT
                    + ", a free one when that is taken; 0: any free port)")
    Integer port;

    @Option(
            names = "--metrics-host",
            paramLabel = "H",
            description = "interface for /metrics (default: 127.0.0.1; coordinator: 0.0.0.0)")
    String host;

    @Option(names = "--no-metrics", description = "do not serve /metrics")
    boolean off;

    /** Whether any of these options was given. */
    public boolean given() {
        return port != null || host != null || off;
    }

    /** Whether --no-metrics was given. */
    public boolean off() {
        return off;
    }

    /** Checks the options before anything starts; bad input is an IllegalArgumentException with the fix. */
    public MetricsOptions validate() {
        if (port != null && (port < 0 || port > 65535)) {
            throw new IllegalArgumentException(
                    "--metrics-port " + port + " is not a TCP port; use 1-65535, or 0 for any free port");
        }
        if (off && (port != null || host != null)) {
            throw new IllegalArgumentException(
                    "--no-metrics cannot be combined with --metrics-port or --metrics-host; drop one");
        }
        return this;
    }

    /**
     * Starts the endpoint, or returns null with --no-metrics. A port the user chose must be free (else bad input); the
     * default port, when taken (another coordinator?), gives way to a free one, said in one line, for a command that
     * soon ends; a long-lived coordinator ({@code fallBack} false) must get the port Prometheus is told to scrape.
     */
    public MetricsServer start(LoadMetrics metrics, String defaultHost, PrintStream info) throws IOException {
        return start(metrics, defaultHost, info, true);
    }

    public MetricsServer start(LoadMetrics metrics, String defaultHost, PrintStream info, boolean fallBack)
            throws IOException {
        if (off) {
            return null;
        }
        String h = host != null ? host : defaultHost;
        MetricsServer server;
        try {
            server = MetricsServer.start(h, port != null ? port : MetricsServer.DEFAULT_PORT, metrics);
        } catch (BindException e) {
            if (port != null || !fallBack) {
                int p = port != null ? port : MetricsServer.DEFAULT_PORT;
                throw new IllegalArgumentException("port " + p + " on " + h
                        + " is in use (another coordinator?); stop it, or pick" + " another with --metrics-port");
            }
            server = MetricsServer.start(h, 0, metrics);
            info.println("loadgrid: port " + MetricsServer.DEFAULT_PORT
                    + " is taken (another coordinator?), so /metrics is on " + server.address());
            return server;
        } catch (java.net.SocketException | java.nio.channels.UnresolvedAddressException e) {
            throw new IllegalArgumentException("--metrics-host " + h + " cannot be bound (" + e
                    + "); give an address of this host, e.g. 127.0.0.1 or 0.0.0.0");
        }
        info.println("loadgrid: Prometheus metrics on http://" + server.address() + "/metrics");
        return server;
    }
}
