package io.loadgrid.coordinator.cli;

import io.loadgrid.common.cli.BadInput;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.coordinator.cluster.CoordinatorNode;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code ./loadgrid agents}: joins the cluster briefly as a lite member and lists its agents. */
@Command(
        name = "loadgrid agents",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "List the agents of a loadgrid cluster: host, cores, memory, version, state.")
public final class AgentsCli implements Callable<Integer> {
    @Mixin
    ClusterOptions cluster = new ClusterOptions();

    public static void main(String[] args) {
        System.exit(execute(System.out, args));
    }

    public static int execute(PrintStream out, String... args) {
        return new CommandLine(new AgentsCli(out))
                .setParameterExceptionHandler((e, a) -> bad(e.getMessage()))
                .execute(args);
    }

    private final PrintStream out;

    AgentsCli(PrintStream out) {
        this.out = out;
    }

    AgentsCli() {
        this(System.out);
    }

    @Override
    public Integer call() {
        ClusterSettings settings;
        try {
            settings = cluster.remote();
        } catch (IllegalArgumentException e) {
            return bad(e.getMessage());
        }
        try (CoordinatorNode node = CoordinatorNode.join(settings, false)) {
            List<CoordinatorNode.AgentInfo> agents = node.agents();
            if (agents.isEmpty()) {
                return bad(
                        "no agents in cluster '" + settings.clusterName() + "' at " + String.join(",", settings.join())
                                + "; start one there with ./loadgrid agent --join ... or check --cluster-name and "
                                + "--join");
            }
            out.printf(
                    "%-8s  %-21s  %-20s  %5s  %10s  %-7s  %s%n",
                    "agent", "address", "host", "cores", "memory_mb", "version", "state");
            for (var a : agents) {
                out.printf(
                        "%-8s  %-21s  %-20s  %5d  %10d  %-7s  %s%n",
                        a.id(), a.address(), a.host(), a.cores(), a.memoryMb(), a.version(), a.state());
            }
            return 0;
        }
    }

    static int bad(String message) {
        return BadInput.report("agents", message);
    }
}
