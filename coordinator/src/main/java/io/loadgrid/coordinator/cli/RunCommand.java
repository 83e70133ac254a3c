package io.loadgrid.coordinator.cli;

import com.hazelcast.cluster.Member;
import io.loadgrid.common.cli.ClusterOptions;
import io.loadgrid.common.cluster.ClusterSettings;
import io.loadgrid.common.codec.Json;
import io.loadgrid.common.metrics.RunResult;
import io.loadgrid.common.plan.ClusterPlan;
import io.loadgrid.common.plan.RunSpec;
import io.loadgrid.common.workload.SeedStream;
import io.loadgrid.common.workload.Workload;
import io.loadgrid.coordinator.cluster.CoordinatorNode;
import io.loadgrid.coordinator.local.LocalAgents;
import io.loadgrid.coordinator.report.Table;
import io.loadgrid.coordinator.run.ChunkSizes;
import io.loadgrid.coordinator.run.RunDriver;
import io.loadgrid.coordinator.target.EmbeddedTarget;
import io.loadgrid.coordinator.target.Preflight;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Runs one validated plan on a cluster: in local mode (no --join) the embedded target and K agent JVMs on loopback
 * first; then the coordinator joins, hands the plan out and reports per node and in total.
 */
public final class RunCommand implements Callable<Integer> {
    private static final long AGENT_WAIT_MS = 60_000;
    private final RunOptions.Valid run;
    private final ClusterOptions cluster;
    private final PrintStream out;
    private final PrintStream err;

    public RunCommand(RunOptions.Valid run, ClusterOptions cluster, PrintStream out, PrintStream err) {
        this.run = run;
        this.cluster = cluster;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        boolean local = cluster.join().isEmpty();
        ClusterSettings settings = local ? localSettings() : cluster.remote();
        EmbeddedTarget embedded = run.embeddedTarget() && local ? EmbeddedTarget.start(run.targetLatencyMs()) : null;
        if (run.embeddedTarget() && !local) {
            throw new IllegalArgumentException("with --join the agents need a target they can reach: give --base URL or --url TEMPLATE");
        }
        try {
            RunSpec spec = embedded == null ? run.spec() : onBase(run.spec(), embedded.base());
            String target = spec.workload() instanceof Workload.Http http ? http.urls().base() : "none (CPU-bound)";
            if (spec.workload() instanceof Workload.Http) {
                Preflight.reachable(target);
            }
            RunResult result = onCluster(settings, spec, target, local);
            Table.print(result, out);
            if (run.json() != null) {
                writeJson(result);
                out.println("wrote " + run.json());
            }
            return result.cluster().missingItems() > 0 && result.interrupted() == null ? 1 : 0;
        } finally {
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private RunResult onCluster(ClusterSettings settings, RunSpec spec, String target, boolean local) throws Exception {
        int wanted = local ? Math.max(1, run.agents()) : run.agents();
        try (CoordinatorNode node = CoordinatorNode.join(settings);
             LocalAgents agents = local ? LocalAgents.start(wanted, node.port(), settings, allowed(target)) : null) {
            List<Member> members = node.idleAgents(wanted, local ? AGENT_WAIT_MS : (wanted == 0 ? 5_000 : AGENT_WAIT_MS));
            if (members.isEmpty() || members.size() < wanted) {
                throw new IllegalArgumentException("found " + members.size() + " idle agent(s) in cluster '" + settings.clusterName()
                        + "', need " + Math.max(1, wanted) + "; start agents with ./loadgrid agent --join ... or lower --agents");
            }
            long items = spec.plannedItems();
            long chunk = run.chunk() > 0 ? run.chunk() : ChunkSizes.choose(items, members.size(), spec.concurrency());
            ClusterPlan plan = new ClusterPlan(spec, items, chunk, run.split(),
                    members.stream().map(m -> m.getUuid().toString()).toList(), node.uuid());
            Runnable header = () -> out.printf("loadgrid run: %s, concurrency %d per agent, %s items of %s against %s on %d agent(s)%n",
                    spec.model().key(), spec.concurrency(), spec.duration() == null ? String.format("%,d", spec.items())
                            : "for " + spec.duration().toSeconds() + " s of", spec.workload().name(), target, members.size());
            return new RunDriver(node.hz(), "run-" + UUID.randomUUID().toString().substring(0, 8), plan, members, settings.secret(), target,
                    err, header).call();
        }
    }

    /** Local mode: a private cluster name and a fresh secret, so two local runs never mix. */
    private static ClusterSettings localSettings() {
        byte[] raw = new byte[24];
        new SecureRandom().nextBytes(raw);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        return new ClusterSettings("loadgrid-local-" + secret.substring(0, 8), List.of(), "127.0.0.1", 5701,
                secret.getBytes(StandardCharsets.UTF_8));
    }

    /** Local agents may load loopback and whichever host the user named. */
    private static String allowed(String target) {
        String host = target.startsWith("http") ? URI.create(target).getHost() : null;
        return "127.0.0.0/8,::1/128" + (host == null ? "" : "," + host);
    }

    private void writeJson(RunResult result) throws IOException {
        var tmp = run.json().resolveSibling(run.json().getFileName() + ".tmp");
        Files.writeString(tmp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        Files.move(tmp, run.json(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static RunSpec onBase(RunSpec spec, String base) {
        Workload.Http http = (Workload.Http) spec.workload();
        return spec.withWorkload(new Workload.Http(http.name(), new SeedStream(base), http.statusFails()));
    }
}
