package io.loadgrid.coordinator.sweep;

import io.loadgrid.coordinator.cluster.CoordinatorNode;
import io.loadgrid.report.results.Environment;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** What a sweep ran on, recorded once at its start: results are only comparable with their environment beside them. */
final class EnvironmentProbe {
    private EnvironmentProbe() {}

    static Environment of(CoordinatorNode node, String mode) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        String version = EnvironmentProbe.class.getPackage().getImplementationVersion();
        return new Environment(
                hostName(),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize() / (1024 * 1024),
                Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                version == null ? "0.1.0" : version,
                mode,
                node.agents().stream()
                        .map(a -> new Environment.Agent(
                                a.id(), a.address(), a.host(), a.cores(), a.memoryMb(), a.version()))
                        .toList(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
