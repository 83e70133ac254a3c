package io.loadgrid.coordinator.cli;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.security.TargetAllowlist;
import io.loadgrid.coordinator.daemon.CoordinatorDaemon;
import io.loadgrid.coordinator.export.LoadMetrics;
import io.loadgrid.coordinator.export.MetricsOptions;
import io.loadgrid.coordinator.export.MetricsServer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./loadgrid coordinator}: a coordinator that stays up. It keeps its cluster membership and /metrics between
 * sweeps (so Prometheus and Grafana see one coordinator, with final values kept) and runs the sweeps handed to it
 * with {@code ./loadgrid sweep PLAN --coordinator URL}, one at a time.
 */
@Command(
        name = "loadgrid coordinator",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description =
                "Stay up as the cluster's coordinator: serve Prometheus /metrics and run the sweeps submitted with "
                        + "./loadgrid sweep PLAN.yaml --coordinator http://HOST:PORT.")
public final class CoordinatorCli implements Callable<Integer> {
    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "where submitted sweeps write their folders (default: results)")
    Path out = Path.of("results");

    @Option(
            names = "--agents",
            paramLabel = "K",
            description = "local mode (no --join): agent JVMs to start (default: ${DEFAULT-VALUE})")
    int agents = 2;

    @Option(
            names = "--accept-sweeps-from",
            paramLabel = "CIDR,...",
            description = "who may submit sweeps (default: ${DEFAULT-VALUE}, this host only;"
                    + " /metrics is open to anyone who reaches --metrics-host)")
    String acceptFrom = "127.0.0.0/8,::1/128";

    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    public static void main(String[] args) {
        int exit = new CommandLine(new CoordinatorCli())
                .setParameterExceptionHandler((e, a) -> BadInput.report("coordinator", e.getMessage()))
                .execute(args);
        System.exit(exit);
    }

    @Override
    public Integer call() throws Exception {
        LoadMetrics exported = new LoadMetrics();
        MetricsServer server;
        CoordinatorDaemon daemon;
        try {
            TargetAllowlist submitters = TargetAllowlist.addresses(acceptFrom, "--accept-sweeps-from");
            if (agents < 1) {
                throw new IllegalArgumentException("--agents must be at least 1, got " + agents);
            }
            if (metrics.validate().off()) {
                throw new IllegalArgumentException(
                        "the coordinator's endpoint is how sweeps reach it; drop --no-metrics");
            }
            if (!cluster.join().isEmpty()) {
                cluster.remote();
            }
            daemon = new CoordinatorDaemon(cluster, agents, out, submitters);
            server = metrics.start(exported, "0.0.0.0", System.out, false);
        } catch (IllegalArgumentException e) {
            return BadInput.report("coordinator", e.getMessage());
        }
        try (server) {
            return daemon.serve(server, exported);
        }
    }
}
